# Sourced by ./luahost and ./test: finds a JDK whose feature version is at
# least 25 and sets LUAHOST_JAVA_HOME to it.
#
#   luahost_find_jdk   -> 0 and LUAHOST_JAVA_HOME set, or 1 when none was found
#
# Looks at $JAVA_HOME first, then the usual JVM folders (Debian/Ubuntu,
# RPM distributions, Docker images, SDKMAN!, IntelliJ downloads, macOS), then
# the `java` on PATH. The version comes from the JDK's `release` file, read by
# bash itself, so the search starts no process and no JVM (it runs on every
# ./luahost start); only a JDK without that file is asked with `java -version`.

luahost_jdk_version_of() {   # JDK_HOME -> sets LUAHOST_JDK_VERSION to its feature version (e.g. 25) or ""
  local home="$1" line
  LUAHOST_JDK_VERSION=""
  [ -x "$home/bin/java" ] || return 1
  if [ -f "$home/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"[0-9]*)
          line="${line#JAVA_VERSION=\"}"
          LUAHOST_JDK_VERSION="${line%%[!0-9]*}"
          break ;;
      esac
    done < "$home/release" 2>/dev/null
  fi
  if [ -z "$LUAHOST_JDK_VERSION" ]; then
    LUAHOST_JDK_VERSION=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  [ -n "$LUAHOST_JDK_VERSION" ]
}

luahost_jdk_version() {   # JDK_HOME -> prints its feature version (e.g. 25) or nothing
  luahost_jdk_version_of "$1" && printf '%s\n' "$LUAHOST_JDK_VERSION"
}

luahost_is_jdk25() {   # JDK_HOME -> 0 when it is a full JDK (java + javac) of version >= 25
  luahost_jdk_version_of "$1" || return 1
  [ "$LUAHOST_JDK_VERSION" -ge 25 ] 2>/dev/null && [ -x "$1/bin/javac" ]
}

luahost_find_jdk() {
  local c java_on_path home="${HOME:-/nonexistent}"   # HOME may be unset (env -i)
  LUAHOST_JAVA_HOME=""
  if [ -n "${JAVA_HOME:-}" ] && luahost_is_jdk25 "$JAVA_HOME"; then
    LUAHOST_JAVA_HOME="$JAVA_HOME"
    return 0
  fi
  # Globs that match nothing stay literal and fail the test below.
  for c in /usr/lib/jvm/*25* /usr/lib/jvm/temurin-* /usr/lib/jvm/* \
           /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* /usr/local/*jdk* \
           "$home"/.sdkman/candidates/java/* "$home"/.jdks/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$c" ] && [ -d "$c" ] || continue
    if luahost_is_jdk25 "$c"; then
      LUAHOST_JAVA_HOME="$c"
      return 0
    fi
  done
  # last, the JDK of the `java` on PATH (found only now: readlink is a process)
  java_on_path=""
  if command -v java >/dev/null 2>&1; then
    java_on_path=$(readlink -f "$(command -v java)" 2>/dev/null)
    java_on_path="${java_on_path%/bin/java}"
  fi
  if [ -n "$java_on_path" ] && [ -d "$java_on_path" ] && luahost_is_jdk25 "$java_on_path"; then
    LUAHOST_JAVA_HOME="$java_on_path"
    return 0
  fi
  return 1
}
