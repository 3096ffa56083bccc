"""OpenAPI descriptions every operation shares: errors, conditional requests, staff preview."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.permissions import SAFE_METHODS

from portal.api.access import PREVIEW_PARAM, PublicationMixin
from portal.api.errors import ErrorSerializer

ERRORS = {
    "400": "Unknown query parameter, invalid filter value, page or cursor, or invalid body.",
    "401": "Not authenticated: anonymous writes and staff preview need a session or token.",
    "403": "Authenticated, but without the staff status or model permission this needs.",
    "404": "No such object (or not published), or a page number past the end.",
    "429": "Too many requests from this address: wait Retry-After seconds.",
}


def header(name: str, description: str, *, response=None, type_=OpenApiTypes.STR):
    return OpenApiParameter(
        name, type_, OpenApiParameter.HEADER, description=description, response=response or False
    )


CONDITIONAL_HEADERS = [
    header("If-None-Match", "An ETag from an earlier response: 304 if still current."),
    header("If-Modified-Since", "An HTTP date: 304 if nothing shown changed since."),
    header("ETag", "Changes whenever the body changes.", response=[200]),
    header("Last-Modified", "The newest change among the objects shown.", response=[200]),
]
RETRY_AFTER = header("Retry-After", "Seconds to wait.", response=[429], type_=OpenApiTypes.INT)
PREVIEW = OpenApiParameter(
    PREVIEW_PARAM,
    bool,
    description="Staff with the model's view permission: include unpublished objects.",
)


class PortalAutoSchema(AutoSchema):
    def get_auth(self):
        auths = super().get_auth()
        if self.method in SAFE_METHODS and {} not in auths:
            auths.append({})  # anyone may read; staff preview checks its own permission
        return auths

    def get_override_parameters(self):
        parameters = [*super().get_override_parameters(), RETRY_AFTER]
        if self.method == "GET":
            parameters += CONDITIONAL_HEADERS
            if isinstance(self.view, PublicationMixin):
                parameters.append(PREVIEW)
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, description in ERRORS.items():
            error = OpenApiResponse(ErrorSerializer, description=description)
            responses.setdefault(
                code, self._get_response_for_code(error, code, direction=direction)
            )
        if self.method == "GET":
            not_modified = OpenApiResponse(description="Not modified since the ETag or date given.")
            responses["304"] = self._get_response_for_code(not_modified, "304", direction=direction)
        return responses


def only_versioned_api(endpoints):
    """Describe /api/v1/ only: feeds and pages built on DRF views are not part of this API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
