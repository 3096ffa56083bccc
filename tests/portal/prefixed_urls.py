"""A URLconf where the browser can pick the language: outside i18n_patterns, or prefixed."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path


def hello(request):
    return HttpResponse(request.LANGUAGE_CODE)


urlpatterns = [path("plain/", hello)]
urlpatterns += i18n_patterns(path("hello/", hello), prefix_default_language=True)
