"""Production settings: the base settings plus HTTPS hardening, WhiteNoise and JSON logs.

Zero configuration serves safely on loopback: a SECRET_KEY is generated into var/ (git-ignored)
and kept there. Behind a TLS-terminating proxy set the documented environment (docs/deployment.md):
SECRET_KEY, ALLOWED_HOSTS, SECURE_SSL_REDIRECT=true, DATABASE_URL, REDIS_URL.
"""

import os
from pathlib import Path

from portal.secret_key import stored_secret_key

if not os.environ.get("SECRET_KEY"):
    _var = Path(os.environ.get("PARKWIRE_VAR_DIR", Path(__file__).resolve().parents[2] / "var"))
    os.environ["SECRET_KEY"] = stored_secret_key(_var)

from .base import *  # noqa: F403
from .base import MIDDLEWARE, REDIS_URL, STORAGES, env_bool

DEBUG = False
# Without Redis each worker's cache is its own: cached pages and counts would miss edits made
# through the other workers, so neither is cached unless asked otherwise.
CACHE_IS_SHARED = bool(REDIS_URL)
PAGE_CACHE = env_bool("PAGE_CACHE", default=CACHE_IS_SHARED)

# HTTPS: the proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
if SESSION_COOKIE_SECURE:
    # __Host- cookies are only accepted over HTTPS, for this exact host, on every path.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-language"
    LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Static files straight from the app servers, compressed and with far-future hashed names.
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:_after_security],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_after_security:],
]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "portal.request_log.JsonLinesFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Django logs every 4xx/5xx again under django.request; the request line already says it.
    "loggers": {"django.request": {"level": "ERROR"}},
}
