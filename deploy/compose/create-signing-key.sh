#!/bin/sh
# The access-token signing key for docker compose: secrets/jwt-private.pem (or the path given).
#
# compose mounts it into auth-service as a file secret. Outside swarm that is a bind mount: the
# container sees the host file's owner and mode, and compose ignores a secret's uid/gid/mode. The
# image runs as uid 1000 (node), which is not the owner unless the host user happens to be uid
# 1000: openssl's own 0600 would make the key unreadable there. So the key is 0644, and the folder
# holding it 0700: on the host only its owner (and root) can reach the key; in the container the
# mount gives the file itself, without the folder.
set -eu
key=${1:-secrets/jwt-private.pem}
dir=$(dirname "$key")

if [ -e "$key" ]; then
  echo "$key exists; not replacing a signing key (to rotate keys, see the README, "Tokens and sessions")" >&2
  exit 1
fi
mkdir -p "$dir"
chmod 700 "$dir"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null
chmod 644 "$key"
echo "wrote $key (RS256, 2048 bits): readable by the container's user, in a folder only you can open"
