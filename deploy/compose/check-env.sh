#!/bin/sh
# docker compose's one-shot check-env service: settings compose cannot refuse by itself.
# POSIX sh (the postgres image's busybox). Exits 1 with one line per problem.
status=0

case "$POSTGRES_PASSWORD" in
  change-me)
    echo "check-env: POSTGRES_PASSWORD is still .env.example's placeholder (change-me): set your own in .env, e.g. openssl rand -hex 24" >&2
    status=1 ;;
  *[!A-Za-z0-9._~-]*)
    # It goes into the services' DATABASE_URL (postgres://postgres:<password>@postgres/...)
    # unescaped: @ : / # ? % and spaces would change the URL's meaning.
    echo "check-env: POSTGRES_PASSWORD may hold only letters, digits and . _ ~ - (it is part of a URL), e.g. openssl rand -hex 24" >&2
    status=1 ;;
esac

[ "$status" -eq 0 ] && echo "check-env: settings accepted"
exit "$status"
