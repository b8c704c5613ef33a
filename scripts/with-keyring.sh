#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Tunebench contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# with-keyring.sh CMD [ARGS...]
#
# Runs CMD inside a private D-Bus session bus that has its own unlocked
# gnome-keyring (Secret Service) and exits with CMD's status. The keyring's
# files live in a throwaway HOME/XDG_DATA_HOME/XDG_RUNTIME_DIR that is removed
# afterwards, so the user's real keyring and session bus are never touched.
# Works headless: no display, no prompts (the login keyring is created and
# unlocked with a fixed throwaway password).
set -euo pipefail

me=with-keyring.sh
if [[ $# -eq 0 ]]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi
for tool in dbus-daemon dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$me: '$tool' not found; install the Debian packages dbus and gnome-keyring" >&2
        exit 127
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tunebench-keyring.XXXXXX")
bus_pid=""
keyring_pid=""
# shellcheck disable=SC2317  # called through the EXIT trap
cleanup() {
    # Only the two daemons this script started, by pid; keyring first, as it
    # is a client of the bus.
    local pid
    for pid in $keyring_pid $bus_pid; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -m 700 "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/runtime"
log="$tmp/daemons.log"
fail() {
    echo "$me: $*" >&2
    if [[ -s $log ]]; then
        echo "$me: daemon log:" >&2
        sed 's/^/    /' "$log" >&2
    fi
    exit 1
}

# 1. A private session bus on a socket in our temp dir. Its config has no
# service directories on purpose: with the stock session.conf, the first call
# to org.freedesktop.secrets could D-Bus-activate a second gnome-keyring with
# the user's real HOME before ours has claimed the name.
cat >"$tmp/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=$tmp/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
dbus-daemon --config-file="$tmp/bus.conf" --nofork --nopidfile \
    --print-address=3 3>"$tmp/bus-address" 2>>"$log" &
bus_pid=$!
for _ in $(seq 100); do
    [[ -s $tmp/bus-address ]] && break
    kill -0 "$bus_pid" 2>/dev/null || fail "dbus-daemon exited at start"
    sleep 0.05
done
[[ -s $tmp/bus-address ]] || fail "dbus-daemon did not report its address"
DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$tmp/bus-address")
export DBUS_SESSION_BUS_ADDRESS
bus_call() {
    dbus-send --session --print-reply=literal --reply-timeout=2000 "$@" 2>/dev/null
}

# 2. gnome-keyring with only the Secret Service component, in the throwaway
# HOME, without the user's GNOME_KEYRING_CONTROL (it would find and reuse the
# user's running daemon). --unlock reads the password from stdin and, on a fresh HOME, creates
# the "login" keyring with it and makes it the default collection, which is
# where QtKeychain (libsecret) stores new items.
printf '%s' tunebench-throwaway |
    env -u GNOME_KEYRING_CONTROL -u GNOME_KEYRING_PID \
        HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
        XDG_RUNTIME_DIR="$tmp/runtime" \
        gnome-keyring-daemon --foreground --unlock --components=secrets >>"$log" 2>&1 &
keyring_pid=$!

# 3. Ready when the default alias points at an unlocked collection.
ready=""
for _ in $(seq 200); do
    kill -0 "$keyring_pid" 2>/dev/null || fail "gnome-keyring-daemon exited at start"
    owned=$(bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets || true)
    if [[ $owned != *true* ]]; then
        sleep 0.05
        continue
    fi
    collection=$(bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets \
        org.freedesktop.Secret.Service.ReadAlias string:default | tr -d '[:space:]' || true)
    if [[ -n $collection && $collection != / ]]; then
        locked=$(bus_call --dest=org.freedesktop.secrets "$collection" \
            org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked || true)
        if [[ $locked == *false* ]]; then
            ready=yes
            break
        fi
    fi
    sleep 0.05
done
[[ -n $ready ]] || fail "the Secret Service did not come up with an unlocked default collection"

unset GNOME_KEYRING_CONTROL GNOME_KEYRING_PID
set +e
"$@"
status=$?
set -e
exit "$status"
