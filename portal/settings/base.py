"""Settings read from the environment, with defaults that run anywhere on SQLite.

Production sets SECRET_KEY, DEBUG=false, ALLOWED_HOSTS, DATABASE_URL (PostgreSQL) and REDIS_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PARKWIRE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for local development).")
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # search indexes (news/search_indexes.py); inert on SQLite
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "parks",
    "news",
    "portal",
]

MIDDLEWARE = [
    "portal.request_log.RequestLogMiddleware",
    # Outermost after the log: an unreachable database answers 503, never a 500 (portal/outage.py).
    "portal.outage.DatabaseOutageMiddleware",
    # Refuse oversized query strings and writes to read-only pages first (portal/request_guards.py).
    "portal.request_guards.QueryStringLimitMiddleware",
    "portal.request_guards.PublicReadOnlyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Early: a cached page skips sessions, locale, CSRF and the view (portal/page_cache.py).
    "portal.page_cache.PageCacheMiddleware",
    # Inside the page cache: a page is stored with its policy, which a hit need not rebuild.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Inside the page cache, so a stored page keeps its Cache-Control (portal/cache_headers.py).
    "portal.cache_headers.CacheHeadersMiddleware",
    # Inside the page cache: a hit formats no dates (portal/timezones.py).
    "portal.timezones.SiteTimezoneMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The address alone picks the language: no Vary: Accept-Language (portal/language.py).
    "portal.language.PathLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: locks out repeated failed logins.
    "axes.middleware.AxesMiddleware",
]

# Security headers. No inline scripts anywhere: script-src is 'self' only (JSON-LD blocks are data).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],  # the admin and the API docs relax this (portal/content_policy.py)
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
MAX_QUERY_STRING_BYTES = int(os.environ.get("MAX_QUERY_STRING_BYTES", "16384"))

# Brute force: lock a username on one address out after repeated failures, for a cool-off period.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

# Visitors' pages render with Jinja2 (templates/jinja2/, portal/jinja_env.py): uncached, they
# serve 16–25 % more requests a second than with Django's engine. The admin, error fallbacks and
# form widgets keep Django's engine. Jinja2 is asked first: asked second, every public page paid
# for Django's engine failing to find its template (an exception, and cyclic garbage for the
# collector). Neither engine has a template of a name the other has.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "portal.jinja_env.environment",
            "context_processors": [
                "portal.context_processors.site",
                "portal.jinja_env.page_translations",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

# Each worker keeps its connection between requests, SQLite's too: opening one (connect, PRAGMAs,
# reading the schema) cost about 4 ms a request at 100,000 items (bench/RESULTS.md).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL and IMMEDIATE transactions let an import run while staff edit, without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast (a 503, portal/outage.py) when the database is unreachable, not hang a worker.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DB_CONNECT_TIMEOUT", "3")
    )
    # Each worker sends the same few queries thousands of times: bound on the server and
    # prepared after a few uses, they are parsed and planned once per connection (10-15 % more
    # uncached pages a second at 100,000 items). Set it empty behind a pooler in transaction
    # mode that cannot keep prepared statements (PgBouncer before 1.21).
    if prepare_threshold := os.environ.get("DB_PREPARE_THRESHOLD", "5"):
        DATABASES["default"]["OPTIONS"].update(
            server_side_binding=True, prepare_threshold=int(prepare_threshold)
        )

# Redis, when REDIS_URL is set, is shared by every app server: cached pages, the content
# generation that invalidates them, sessions, rate limits and buffered view counts. A Redis
# outage degrades to uncached pages and database sessions rather than errors.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "parkwire",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# PAGE_CACHE=off serves every page from the database (benchmarks); the TTL is an upper bound.
PAGE_CACHE = env_bool("PAGE_CACHE", default=True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# A proxy or CDN in front may serve anonymous answers this long; 0: it must always revalidate.
SHARED_CACHE_SECONDS = int(os.environ.get("SHARED_CACHE_SECONDS", "0"))
# Sync cursors stop this far short of now, past the longest write transaction (api/pagination.py).
SYNC_SETTLE_SECONDS = int(os.environ.get("SYNC_SETTLE_SECONDS", "60"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# dumpdata and export_content keep times to the microsecond (portal/precise_json.py).
SERIALIZATION_MODULES = {"json": "portal.precise_json"}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("he", "עברית")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploaded images go through the "default" storage, so several app servers can share a bucket later.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

REST_FRAMEWORK = {
    # Token first: its WWW-Authenticate header makes anonymous writes answer 401, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["portal.api.access.StaffModelPermissionsOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["portal.api.filtering.StrictFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "portal.api.pagination.PagePagination",
    "PAGE_SIZE": 20,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": ["portal.api.throttling.AnonymousRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute") or None},
    "DEFAULT_SCHEMA_CLASS": "portal.api.schema.PortalAutoSchema",
    "EXCEPTION_HANDLER": "portal.api.errors.api_exception_handler",
    "URL_FORMAT_OVERRIDE": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Parkwire API",
    "DESCRIPTION": "Published parks, cooperation platforms, key figures, industries and news.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["portal.api.schema.only_versioned_api"],
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "portal.dates.DatePrecision",
        "NewsItemStatusEnum": "news.models.NewsItem.Status",
        "KeyFigureStatusEnum": "parks.models.KeyFigure.Status",
        "PlatformKindEnum": "parks.models.CooperationPlatform.Kind",
        "OrganizationKindEnum": "parks.models.Organization.Kind",
    },
}

PARKWIRE = {
    "SEEDS_DIR": BASE_DIR / "seeds",
    "REFERENCE_FILE": BASE_DIR / "seeds" / "reference.toml",
    "MAX_DOCUMENT_BYTES": 5 * 1024 * 1024,
    # Admin uploads: checked before anything is parsed or extracted.
    "MAX_UPLOAD_FILES": 50,
    "MAX_UPLOAD_BYTES": 50 * 1024 * 1024,
    "MAX_ZIP_ENTRIES": 500,
    "MAX_ZIP_UNCOMPRESSED_BYTES": 100 * 1024 * 1024,
    "MAX_ZIP_RATIO": 100,
    "MAX_IMAGE_BYTES": 10 * 1024 * 1024,
    "MAX_IMAGE_PIXELS": 40_000_000,
    "HOTLINE": os.environ.get("PARKWIRE_HOTLINE", "+86 519 8636 1787"),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
