#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tunebench contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# ./scripts/bootstrap.sh run  [-- APP-ARGS...]   build (preset dev) and start Tunebench
# ./scripts/bootstrap.sh test [CTEST-ARGS...]    build and run the test suite
#
# Installs the Debian 12 packages that are missing (apt-get, through sudo when
# not root), configures with the CMake preset, builds with all cores, then runs
# the app or ctest. `test` uses preset ci (warnings are errors) when CI=true,
# else dev, and runs ctest inside scripts/with-keyring.sh so the keychain tests
# have a real, private, unlocked gnome-keyring; with CI=true a missing keychain
# fails the run (TUNEBENCH_REQUIRE_KEYCHAIN=1) instead of skipping.
set -euo pipefail

# Where the app lands inside build/<preset>/ (src/app sets RUNTIME_OUTPUT_DIRECTORY).
APP_IN_BUILD_DIR="bin/tunebench"

# Debian 12 package names. Build: compiler, CMake + Ninja, Qt 6.4 modules,
# QtKeychain, simdjson, GL headers that Qt6Gui's CMake package requires.
# Runtime: SQLite driver, SVG icon plugin, offscreen/xcb platform plugins.
# Tests: dbus + gnome-keyring (private Secret Service), secret-tool, and
# xvfb + xauth for xvfb-run screenshots.
PACKAGES=(
    build-essential cmake ninja-build pkgconf
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-qpa-plugins
    libqt6sql6-sqlite libqt6svg6
    qtkeychain-qt6-dev libsimdjson-dev libgl-dev
    dbus gnome-keyring libsecret-tools
    xvfb xauth
)

me="bootstrap.sh"
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

usage() {
    sed -n '5,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

is_ci() {
    [[ ${CI:-} == true || ${CI:-} == 1 ]]
}

install_missing_packages() {
    local missing=() pkg
    for pkg in "${PACKAGES[@]}"; do
        if [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null) != ii* ]]; then
            missing+=("$pkg")
        fi
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        return
    fi
    echo "$me: installing missing packages: ${missing[*]}"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "$me: not root and sudo is not installed; as root run:" >&2
            echo "    apt-get update && apt-get install -y ${missing[*]}" >&2
            exit 1
        fi
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

build() {
    local preset=$1
    cmake --preset "$preset"
    cmake --build --preset "$preset" --parallel "$(nproc)"
}

cmd_run() {
    if [[ ${1:-} == -- ]]; then
        shift
    fi
    # Fail before a long build: without a display the window cannot open
    # (Qt would abort with "could not connect to display").
    if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
        echo "$me: no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the Tunebench window cannot open." >&2
        echo "$me: on a headless machine run it under a virtual X server:  xvfb-run -a ./scripts/bootstrap.sh run" >&2
        exit 1
    fi
    install_missing_packages
    local preset=dev
    build "$preset"
    local app="$repo/build/$preset/$APP_IN_BUILD_DIR"
    if [[ ! -x $app ]]; then
        echo "$me: the build finished but $app is missing (is APP_IN_BUILD_DIR at the top of $0 still right?)" >&2
        exit 1
    fi
    exec "$app" "$@"
}

cmd_test() {
    install_missing_packages
    local preset=dev
    if is_ci; then
        preset=ci
        export TUNEBENCH_REQUIRE_KEYCHAIN=1
    fi
    build "$preset"
    export QT_QPA_PLATFORM=offscreen
    exec "$repo/scripts/with-keyring.sh" ctest --preset "$preset" "$@"
}

cd "$repo"
case ${1:-} in
    run) shift; cmd_run "$@" ;;
    test) shift; cmd_test "$@" ;;
    *) usage ;;
esac
