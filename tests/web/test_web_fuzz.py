"""Every GET operation of the REST API fuzzed from its OpenAPI schema: no server error, responses as documented."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", minversion="4.0")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from lagebild.web import create_app  # noqa: E402
from web_helpers import make_store  # noqa: E402

CHECKS = [
    schemathesis.checks.not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
EXAMPLES = {GenerationMode.POSITIVE: 15, GenerationMode.NEGATIVE: 8}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - schemathesis' schema class
    db = make_store(tmp_path_factory.mktemp("fuzz") / "store.duckdb")
    return schemathesis.openapi.from_asgi("/api/openapi.json", create_app(db)).include(method="GET")


def _fuzz(operation, mode: GenerationMode) -> None:  # noqa: ANN001 - schemathesis' operation class
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES[mode], deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    def run(case) -> None:  # noqa: ANN001
        case.call_and_validate(checks=CHECKS)

    run()


@pytest.mark.parametrize("mode", list(EXAMPLES))
def test_every_get_operation_conforms_to_the_schema(api_schema, mode: GenerationMode) -> None:  # noqa: ANN001
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/articles", "/api/stories/{story_id}/outlets", "/api/dyad"}
    for operation in operations:
        if mode == GenerationMode.POSITIVE or len(operation.query):  # only query parameters can be invalid
            _fuzz(operation, mode)
