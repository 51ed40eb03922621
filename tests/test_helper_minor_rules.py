"""Rules behind the minor points of the field report: an address typed without spaces is found;
custom coefficients only count (and are only saved) for the 自定义 scheme; 应缴 follows an undone
scheme, and a scheme change a printed agreement was computed from cannot be undone behind it."""

import pytest

from liftdesk.documents import generate
from liftdesk.errors import LiftDeskError, ValidationError
from liftdesk.history import actions, undo
from liftdesk.money import funding, payments
from liftdesk.places import search
from liftdesk.projects import projects

ADDRESS = "长庆街道/王马社区/遥祥寺巷小区/6幢/1单元"


@pytest.mark.parametrize("query", ["遥祥寺巷小区6幢201", "遥祥寺巷小区6幢1单元201", "王马社区遥祥寺巷小区6幢201",
                                   "遥祥寺巷小区 6幢201", "遥祥寺巷小区 6幢 201"])
def test_an_address_typed_without_spaces_is_found(store, unit, query):
    hits = search.search_households(store, query)
    assert [(h.room, h.unit_id) for h in hits] == [("201", unit)]


def test_a_name_is_never_broken_into_place_words(store, unit):
    assert search._unglued("李园园", search._units(store)) == ["李园园"]
    assert search._unglued("2号楼301", search._units(store)) == ["2号楼", "301"]


@pytest.fixture
def project(store, unit):
    project_id = projects.create_project(store, unit)
    funding.save_funding_plan(store, project_id, total_fen=56_000_000, subsidy_fen=20_000_000)
    return project_id


def _due(store, project_id):
    return {b.room: b.due_fen for b in payments.balances(store, project_id)}


def test_coefficients_only_for_the_custom_scheme(store, project):
    before = actions.next_undo(store)
    with pytest.raises(ValidationError) as info:
        funding.change_coefficients(store, project, "1=0 2=1 3=1 4=1.2 5=1.4 6=1.6")
    assert "自定义" in str(info.value) and actions.next_undo(store) == before  # no step that changes nothing
    assert funding.funding_plan(store, project).coefficients in ({}, None)
    funding.change_scheme(store, project, "custom")
    assert funding.change_coefficients(store, project, "1=0 2=1 3=1 4=1.2 5=1.4 6=1.6")
    assert _due(store, project)["101"] == 0


def test_due_follows_an_undone_scheme(store, project):
    first = _due(store, project)
    funding.change_scheme(store, project, "area")
    assert _due(store, project) != first
    undo.undo(store)
    assert _due(store, project) == first
    assert payments.reconcile(store, project).due_fen == sum(first.values())


def test_a_scheme_an_agreement_was_printed_under_is_not_undone_behind_it(store, project, tmp_path):
    funding.change_scheme(store, project, "area")
    printed = generate.print_document(store, "cost-agreement", ADDRESS, tmp_path / "协议.pdf")
    agreed = _due(store, project)
    with pytest.raises(LiftDeskError) as info:
        undo.undo(store)
    assert info.value.key == "undo.blocked" and printed.serial in str(info.value) and "重新打印" in str(info.value)
    assert funding.funding_plan(store, project).scheme == "area" and _due(store, project) == agreed
    reconciled = payments.reconcile(store, project)
    assert reconciled.due_fen == sum(agreed.values()) == reconciled.owners_part_fen
