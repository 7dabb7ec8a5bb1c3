#!/usr/bin/env bash
# Checks the Debian packages in DIR: every program has its package; lintian reports no error (its warnings
# are listed and justified in the README, "Install"); the console's AppStream metadata and desktop entry
# validate; each package carries its copyright, changelog and man page.
#   tests/package/check_debs.sh DIR
set -euo pipefail
dir=${1:?usage: check_debs.sh DIR}
fail() { echo "check_debs: FAIL: $*" >&2; exit 1; }

expected="flotillad flotilla-console flotilla-agent flotilla-um flotilla-kiosk"
for p in $expected; do
    ls "$dir/${p}"_*.deb >/dev/null 2>&1 || fail "no package $p in $dir"
done

# lintian exits non-zero on any error (E:) tag; warnings are printed for the log.
lintian --tag-display-limit 0 --allow-root "$dir"/*.deb || fail "lintian reports errors (above)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for deb in "$dir"/*.deb; do
    p=$(dpkg-deb -f "$deb" Package)
    dpkg-deb -x "$deb" "$work/$p"
    for f in "usr/share/doc/$p/copyright" "usr/share/doc/$p/changelog.gz" "usr/share/man/man1/$p.1.gz"; do
        [ -s "$work/$p/$f" ] || fail "$p lacks /$f"
    done
    # The man page documents the options --help prints (help2man made it from them).
    zcat "$work/$p/usr/share/man/man1/$p.1.gz" | grep -qF '\-\-version' || fail "$p's man page lists no options"
    # Depends computed from the shared libraries (dpkg-shlibdeps): at least libc and Qt Core.
    deps=$(dpkg-deb -f "$deb" Depends)
    case "$deps" in *libc6*libqt6core6*) ;; *) fail "$p: Depends lacks the shared libraries: $deps" ;; esac
done

c="$work/flotilla-console"
appstreamcli validate --no-net --pedantic "$c/usr/share/metainfo/org.flotilla.console.metainfo.xml" ||
    fail "AppStream metadata does not validate"
desktop-file-validate "$c/usr/share/applications/flotilla-console.desktop" || fail "desktop entry does not validate"
for size in 16 22 24 32 48 64 128 256; do
    [ -s "$c/usr/share/icons/hicolor/${size}x${size}/apps/flotilla.png" ] || fail "no ${size}x${size} icon"
done
[ -s "$c/usr/share/icons/hicolor/scalable/apps/flotilla.svg" ] || fail "no scalable icon"

# The sample Grafana dashboard for /metrics ships with the server, as JSON.
grep -q 'flotilla_http_requests_total' "$work/flotillad/usr/share/doc/flotillad/examples/grafana-dashboard.json" ||
    fail "flotillad lacks its Grafana dashboard"

# Configuration files are conffiles.
dpkg-deb -e "$dir"/flotillad_*.deb "$work/ctl-server"
grep -qx /etc/flotilla/flotillad.conf "$work/ctl-server/conffiles" || fail "flotillad.conf is not a conffile"
dpkg-deb -e "$dir"/flotilla-agent_*.deb "$work/ctl-agent"
grep -qx /etc/flotilla/agent.conf "$work/ctl-agent/conffiles" || fail "agent.conf is not a conffile"
echo "check_debs: all packages pass"
