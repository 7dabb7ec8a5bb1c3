#!/usr/bin/env bash
# Installs Flotilla's packages into a fresh minimal Debian 13 root (debootstrap --variant=minbase: no build
# dependencies, no recommends) and checks them there:
#   - apt resolves every dependency from Debian alone; the system users and groups exist
#   - every program answers --version; the console speaks German under LANG=de_DE.UTF-8
#   - systemd-analyze verify accepts every unit
#   - flotillad starts from its installed configuration as its system user _flotilla, with its state in
#     /var/lib/flotilla, creates its first administrator from /etc/default/flotillad, and answers a device's
#     DDI poll; SIGTERM stops it with exit status 0
#   - purging every package leaves nothing of Flotilla but what Debian policy keeps (the system users)
#   tests/package/install_debs.sh DIR_WITH_DEBS
# Needs root (debootstrap, chroot, mounts); runs in a private mount namespace. The pristine minbase tree and
# the downloaded .debs are cached in ${FLOTILLA_PKGTEST_CACHE:-~/.cache/flotilla/pkgtest}.
set -euo pipefail
debs=$(cd "${1:?usage: install_debs.sh DIR_WITH_DEBS}" && pwd)
if [ "$(id -u)" -ne 0 ]; then
    echo "install_debs: SKIP: needs root (debootstrap, chroot, mounts)" >&2
    exit 77
fi
# tools/devroot run already gives a private mount namespace; elsewhere make one.
if [ -z "${FLOTILLA_PKGTEST_NS:-}" ] && [ "${FLOTILLA_IN_DEVROOT:-}" != 1 ]; then
    export FLOTILLA_PKGTEST_NS=1
    exec unshare --mount --propagation private -- "$0" "$@"
fi
say() { echo "install_debs: $*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

suite=trixie
cache=${FLOTILLA_PKGTEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/flotilla/pkgtest}
mkdir -p "$cache/archives/partial"
mirror=${FLOTILLA_DEBIAN_MIRROR:-$(grep -hoE '^deb +https?://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    awk '{print $2}' | head -n1 || true)}
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian

# The pristine root, made once (under a lock: ctest may run two of these).
tarball=$cache/$suite-minbase.tar
exec 9>"$cache/lock"
flock 9
if [ ! -s "$tarball" ]; then
    say "debootstrap --variant=minbase $suite (mirror $mirror), once"
    tmp=$(mktemp -d "$cache/bootstrap.XXXXXX")
    debootstrap --variant=minbase "$suite" "$tmp" "$mirror" >"$cache/debootstrap.log" 2>&1 ||
        { tail -n 20 "$cache/debootstrap.log" >&2; rm -rf --one-file-system "$tmp"; fail "debootstrap failed"; }
    tar -C "$tmp" -cf "$tarball.partial" . && mv "$tarball.partial" "$tarball"
    rm -rf --one-file-system "$tmp"
fi
flock -u 9

root=$(mktemp -d /tmp/flotilla-pkgtest.XXXXXX)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    for m in var/cache/apt/archives dev/pts dev proc; do umount -l "$root/$m" 2>/dev/null || true; done
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT
tar -C "$root" -xf "$tarball"
chmod 0755 "$root" # mktemp made it 0700: it becomes /, which every user must traverse
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --bind "$cache/archives" "$root/var/cache/apt/archives"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
echo "deb $mirror $suite main" >"$root/etc/apt/sources.list"
printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\nAPT::Keep-Downloaded-Packages "true";\n' \
    >"$root/etc/apt/apt.conf.d/90pkgtest"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
mkdir -p "$root/debs"
cp "$debs"/*.deb "$root/debs/"
in_root=(chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive)
in_root() { "${in_root[@]}" "$@"; }

say "installing systemd, then the packages, with apt"
in_root apt-get update -qq >"$root/apt.log" 2>&1 || { tail -n 20 "$root/apt.log" >&2; fail "apt-get update"; }
in_root apt-get install -y -qq systemd >>"$root/apt.log" 2>&1 || { tail -n 30 "$root/apt.log" >&2; fail "systemd"; }
# shellcheck disable=SC2046
in_root apt-get install -y -qq $(cd "$root" && ls debs/*.deb | sed 's|^|/|') >>"$root/apt.log" 2>&1 ||
    { tail -n 30 "$root/apt.log" >&2; fail "apt could not install the packages"; }
in_root dpkg-query -W -f='${Package} ${Version} ${db:Status-Abbrev}\n' flotillad flotilla-console flotilla-agent \
    flotilla-um flotilla-kiosk

say "system users and groups"
in_root getent passwd _flotilla >/dev/null || fail "no system user _flotilla"
in_root getent group _flotilla-local >/dev/null || fail "no group _flotilla-local"
in_root id -nG _flotilla-kiosk | grep -qw _flotilla-local || fail "_flotilla-kiosk is not in _flotilla-local"
[ "$(in_root stat -c %a /etc/default/flotillad)" = 600 ] || fail "/etc/default/flotillad is not mode 0600"

say "every program's --version"
for p in flotillad flotilla-console flotilla-agent flotilla-um flotilla-kiosk; do
    out=$(in_root QT_QPA_PLATFORM=offscreen "$p" --version 2>&1) || fail "$p --version: $out"
    case "$out" in "$p "[0-9]*) echo "  $out" ;; *) fail "$p --version printed: $out" ;; esac
done
out=$(in_root QT_QPA_PLATFORM=offscreen LANG=de_DE.UTF-8 flotilla-console --help 2>&1)
echo "$out" | grep -q "Flotilla-Bedienkonsole" || fail "the console's German translation was not picked up: $out"

say "the agent loads its gRPC plugin for a local API (and only then)"
printf '[localApi]\nlisten=127.0.0.1:0\n' >"$root/tmp/agent-local.conf"
out=$(in_root timeout -s TERM 3 flotilla-agent --config /tmp/agent-local.conf --server http://127.0.0.1:9 \
    --controller-id pkg --target-token t --state-dir /tmp/agent-state --download-dir /tmp/agent-downloads 2>&1 || true)
echo "$out" | grep -q "gRPC plugin loaded from /usr/lib/flotilla/libflotilla_agent_grpc.so" ||
    fail "the installed agent did not load /usr/lib/flotilla/libflotilla_agent_grpc.so: $out"
echo "$out" | grep -q "local API listening on 127.0.0.1:" || fail "the installed agent's local API did not listen: $out"
out=$(in_root timeout -s TERM 2 flotilla-agent --server http://127.0.0.1:9 --controller-id pkg --target-token t \
    --state-dir /tmp/agent-state2 --download-dir /tmp/agent-downloads2 2>&1 || true)
if echo "$out" | grep -q "gRPC plugin loaded"; then fail "an agent without UMs or a local API loaded the gRPC plugin"; fi

say "systemd-analyze verify"
# The UM's template is checked through an instance, as systemctl enable flotilla-um@main would make it.
ln -sf /usr/lib/systemd/system/flotilla-um@.service "$root/etc/systemd/system/flotilla-um@main.service"
for unit in /usr/lib/systemd/system/flotillad.service /usr/lib/systemd/system/flotilla-agent.service \
    /usr/lib/systemd/system/flotilla-kiosk.service /etc/systemd/system/flotilla-um@main.service; do
    out=$(in_root SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "$unit" 2>&1) || fail "$unit: $out"
    [ -z "$out" ] || fail "systemd-analyze verify $unit: $out"
done
rm -f "$root/etc/systemd/system/flotilla-um@main.service"

say "flotillad from its installed configuration, as _flotilla"
password=pkgtest-$RANDOM$RANDOM
# What an operator does after installing: name the first administrator.
printf 'FLOTILLA_ADMIN_USER=admin\nFLOTILLA_ADMIN_PASSWORD=%s\n' "$password" >"$root/etc/default/flotillad"
# What systemd does for StateDirectory=flotilla (StateDirectoryMode=0750) and EnvironmentFile=.
install -d -m 0750 "$root/var/lib/flotilla"
in_root chown _flotilla:_flotilla /var/lib/flotilla
# shellcheck disable=SC2046
# (Not through the function: $! must be flotillad itself, which every command on the way execs into.)
"${in_root[@]}" setpriv --reuid=_flotilla --regid=_flotilla --init-groups \
    /usr/bin/env STATE_DIRECTORY=/var/lib/flotilla $(grep -v '^#' "$root/etc/default/flotillad") \
    /usr/bin/flotillad --config /etc/flotilla/flotillad.conf --listen 127.0.0.1:0 >"$root/server.log" 2>&1 &
server_pid=$!
touch "$root/server.log"
url=
for _ in $(seq 1 100); do
    url=$(grep -oE 'listening on http://127\.0\.0\.1:[0-9]+' "$root/server.log" | head -n1 | sed 's/listening on //' || true)
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$root/server.log" >&2; fail "flotillad exited"; }
    sleep 0.1
done
[ -n "$url" ] || { cat "$root/server.log" >&2; fail "flotillad did not say where it listens"; }
echo "  $url"
[ "$(in_root stat -c %U /var/lib/flotilla/flotilla.db 2>&1)" = _flotilla ] || fail "the database is not _flotilla's: $(ls -lR "$root/var/lib/flotilla"; cat "$root/server.log")"
[ -d "$root/var/lib/flotilla/artifacts" ] || fail "no artifact directory in /var/lib/flotilla"
token=pkgtoken$RANDOM$RANDOM$RANDOM
code=$(curl -sS -o "$root/created.json" -w '%{http_code}' -u "admin:$password" -H 'Content-Type: application/json' \
    -d "[{\"controllerId\":\"pkgtest-1\",\"name\":\"pkgtest-1\",\"securityToken\":\"$token\"}]" "$url/rest/v1/targets")
[ "$code" = 201 ] || fail "creating a target with the administrator from /etc/default/flotillad: HTTP $code $(cat "$root/created.json")"
code=$(curl -sS -o "$root/poll.json" -w '%{http_code}' -H "Authorization: TargetToken $token" \
    "$url/DEFAULT/controller/v1/pkgtest-1")
[ "$code" = 200 ] || fail "DDI poll: HTTP $code $(cat "$root/poll.json")"
grep -q '"polling"' "$root/poll.json" || fail "DDI poll answer has no polling config: $(cat "$root/poll.json")"
echo "  DDI poll: $(cat "$root/poll.json")"
kill -TERM "$server_pid"
rc=0
wait "$server_pid" || rc=$?
server_pid=
[ "$rc" = 0 ] || { cat "$root/server.log" >&2; fail "flotillad exited with $rc on SIGTERM"; }

say "purge"
in_root apt-get purge -y -qq flotillad flotilla-console flotilla-agent flotilla-um flotilla-kiosk >>"$root/apt.log" 2>&1 ||
    { tail -n 30 "$root/apt.log" >&2; fail "apt-get purge"; }
left=$(cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./debs -o -path ./var/lib/dpkg \
    -o -path ./var/log -o -path ./var/cache/apt -o -path ./var/lib/apt \) -prune -o -iname '*flotilla*' -print)
[ -z "$left" ] || fail "purge left: $left"
in_root getent passwd _flotilla >/dev/null || fail "purge removed the system user (policy keeps it)"
say "all checks pass"
