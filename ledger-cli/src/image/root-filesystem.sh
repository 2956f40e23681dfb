#!/usr/bin/env bash
# The root filesystem of the `ledger` image, made without a registry (ledger-cli's pom runs it at `package`; jib puts
# it on `scratch`): a JRE jlinked from the build's own JDK under /opt/java, the shared libraries that JRE loads, copied
# from this machine under the same paths, /etc/passwd and /etc/group naming the user `ledger` (uid 10001, group 0, which may
# write the state directory), the state
# directory and /tmp. Linux only: it reads the libraries with ldd.
#
#   root-filesystem.sh JAVA_HOME MODULES TARGET_DIR
set -euo pipefail

java_home=$1
modules=$2
root=$3

rm -rf "$root"
mkdir -p "$root/etc" "$root/tmp" "$root/var/lib/ledger"

"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --output "$root/opt/java"

# Every library the launcher, the JVM and the JRE's own libraries load (ldd follows their dependencies too), and the
# loader itself; not those of the desktop's libraries (X11, sound, fonts, images: the server is headless, java.desktop
# is there for java.beans), which are never loaded; libstdc++ and libgcc_s as well, which DuckDB's library (unpacked
# from ledger.jar by `ledger sql`) needs and nothing of the JRE does.
cxx_libraries="/lib/x86_64-linux-gnu/libstdc++.so.6 /lib/x86_64-linux-gnu/libgcc_s.so.1"
libraries=$(
    {
        find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) \
            ! -regex '.*/lib\(awt_xawt\|jawt\|splashscreen\|jsound\|fontmanager\|lcms\|javajpeg\)\.so' -print0 \
            | xargs -0 ldd 2>/dev/null || true
        for library in $cxx_libraries; do
            [ -e "$library" ] && echo "$library" && ldd "$library"
        done
    } | grep -o '/[^ ]*\.so[^ ]*' | grep -v "^$root" | sort -u
)
for library in $libraries; do
    mkdir -p "$root$(dirname "$library")"
    cp -L "$library" "$root$library"
done

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
ledger:x:10001:0:Kleline Ledger:/var/lib/ledger:/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:ledger
ledger:x:10001:
GROUP
