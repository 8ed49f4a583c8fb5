"""What each role may do: the table in `panj.accounts.roles`."""

from panj.accounts.roles import ROLE_PERMISSIONS, Perm, Role, role_may


def test_it_gives_every_role_an_entry():
    assert set(ROLE_PERMISSIONS) == set(Role)


def test_it_lets_every_member_read_the_directory():
    for role in Role:
        assert role_may(role, Perm.VIEW_DIRECTORY)
        assert role_may(role, Perm.VIEW_FOCAL_POINTS)


def test_it_lets_only_caseworkers_and_supervisors_edit_cases():
    assert {r for r in Role if role_may(r, Perm.EDIT_CASES)} == {Role.CASEWORKER, Role.SUPERVISOR}


def test_it_lets_viewers_read_cases_but_not_change_them():
    assert role_may(Role.VIEWER, Perm.VIEW_CASES)
    assert not role_may(Role.VIEWER, Perm.EDIT_CASES)


def test_it_keeps_cases_from_analysts_coordinators_and_admins():
    for role in (Role.ANALYST, Role.NETWORK_COORDINATOR, Role.ORGANISATION_ADMIN):
        assert not role_may(role, Perm.VIEW_CASES), role


def test_it_lets_only_supervisors_approve_referrals():
    assert {r for r in Role if role_may(r, Perm.APPROVE_REFERRALS)} == {Role.SUPERVISOR}


def test_it_lets_only_admins_manage_staff_and_read_the_audit_log():
    assert {r for r in Role if role_may(r, Perm.MANAGE_STAFF)} == {Role.ORGANISATION_ADMIN}
    assert {r for r in Role if role_may(r, Perm.VIEW_AUDIT_LOG)} == {Role.ORGANISATION_ADMIN}


def test_it_lets_only_coordinators_manage_members_and_run_linkage():
    assert {r for r in Role if role_may(r, Perm.MANAGE_MEMBERS)} == {Role.NETWORK_COORDINATOR}
    assert {r for r in Role if role_may(r, Perm.RUN_LINKAGE)} == {Role.NETWORK_COORDINATOR}


def test_it_shows_network_statistics_to_coordinators_and_analysts():
    assert {r for r in Role if role_may(r, Perm.VIEW_NETWORK_STATISTICS)} == {
        Role.NETWORK_COORDINATOR,
        Role.ANALYST,
    }
