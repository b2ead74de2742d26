#!/usr/bin/env bash
# Installs the Debian 12 packages newsmine needs to build, test and run.
# Idempotent: packages already there are left alone, and apt is not touched
# at all when nothing is missing. Works as root or through sudo.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libicu-dev libre2-dev libgumbo-dev libboost-program-options-dev
  nlohmann-json3-dev libtomlplusplus-dev libssl-dev zlib1g-dev
  libsqlite3-dev libcurl4-openssl-dev libpsl-dev publicsuffix libexpat1-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
  python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
