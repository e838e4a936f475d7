#!/usr/bin/env bash
# Makes a self-signed certificate for trying the compose topology locally:
#
#   deploy/nginx/make-self-signed-cert.sh zgs.example.local
#
# writes deploy/nginx/certs/fullchain.pem and privkey.pem (the names nginx.conf reads), valid
# for 825 days, for the name given (and localhost). Browsers warn about it: for production use a
# certificate from a CA (deploy/README.md, "The certificate").
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 <host name, e.g. zgs.example.local>" >&2
  exit 2
fi
name="$1"
certs="$(cd "$(dirname "$0")" && pwd)/certs"
mkdir -p "$certs"

openssl req -x509 -newkey rsa:3072 -sha256 -nodes -days 825 \
  -keyout "$certs/privkey.pem" -out "$certs/fullchain.pem" \
  -subj "/CN=$name" \
  -addext "subjectAltName=DNS:$name,DNS:localhost,IP:127.0.0.1" \
  -addext "keyUsage=digitalSignature,keyEncipherment" \
  -addext "extendedKeyUsage=serverAuth"
chmod 0644 "$certs/fullchain.pem"
# nginx's master process (root) reads the key before dropping privileges.
chmod 0600 "$certs/privkey.pem"

echo "Wrote $certs/fullchain.pem and $certs/privkey.pem for CN=$name"
