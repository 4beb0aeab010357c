"""Issue 5, end to end: each scenario folder, read from its documents (extraction, parsing,
assembly, NOC matching, checks), gives exactly its hand-written expected outcome
(fixtures/scenarios/expected/*.toml, written from rules.md, never generated from output): every
expected finding with its severity, none of the excluded ones, no warning or worse beyond the
reviewed list, and the experience figures per program."""

from __future__ import annotations

import pytest

from fixtures.scenarios import SCENARIOS, expected, folder_name
from fixtures.scenarios.compare import mismatches
from pipeline.audit import AuditOptions, audit
from tests.conftest import SHARED_NOC

pytestmark = pytest.mark.xdist_group("scenarios-e2e")


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario_folder_gives_its_expected_outcome(name: str, cases) -> None:
    report = audit(AuditOptions(folder=cases / folder_name(name), jobs=1, noc_data=SHARED_NOC))
    assert mismatches(expected(name), report.findings, report.experience, exact=True) == []
    # Every finding that names documents names ones that are in the folder.
    paths = {d.path for d in report.documents}
    assert all(set(f.documents) <= paths for f in report.findings)
