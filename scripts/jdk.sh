# Sourced by ./readingroom, ./run-tests and .ci/run: exports JAVA_HOME as a JDK 21 or newer.
# Order: JAVA_HOME if it is 21+, then `java` on the PATH, then the usual JDK folders, newest first.

readingroom_java_major() {
  # Prints the feature version of the JDK at $1 (e.g. 21), or nothing if it is not a JDK.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

readingroom_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(readingroom_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then printf '%s\n' "$JAVA_HOME"; return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(readingroom_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then printf '%s\n' "$candidate"; return 0; fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    major=$(readingroom_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then printf '%s\n' "$candidate"; return 0; fi
  done
  return 1
}

if found_jdk=$(readingroom_find_jdk); then
  export JAVA_HOME="$found_jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
  unset found_jdk
else
  echo "Reading Room needs a JDK 21 or newer, and none was found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm searched)." >&2
  echo "Install one (for example Temurin 21) and set JAVA_HOME to it." >&2
  return 1 2>/dev/null || exit 1
fi
