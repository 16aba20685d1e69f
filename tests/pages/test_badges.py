"""Low-threshold facts at a glance on every activity: free, no referral, no registration,
drop-in, wherever an activity is shown as a card and on its own page."""

from __future__ import annotations

from tests.helpers import check, make_site, organisation


def activity_badges(soup, key: str) -> list[str]:  # noqa: ANN001
    card = soup.select_one(f'[data-activity="{key}"]')
    return [li.get_text(strip=True) for li in card.select(".badges li")] if card else []


def test_every_activity_card_shows_its_facts(built_site, example_content):
    soup = built_site.soup("handout/kerava/index.html")
    found = 0
    for org in example_content.organisations:
        for activity in org.activities:
            badges = activity_badges(soup, activity.key)
            if not soup.select_one(f'[data-activity="{activity.key}"]'):
                continue
            found += 1
            assert ("Maksuton" in badges) == activity.is_free, activity.key
            assert ("Ei lähetettä" in badges) == activity.low_threshold, activity.key
            assert ("Ei ilmoittautumista" in badges) == (
                activity.no_registration or activity.low_threshold), activity.key
            assert ("Tule milloin vain" in badges) == activity.drop_in, activity.key
    assert found > 10


def test_activity_page_explains_drop_in(built_site, example_content):
    activity = next(a for o in example_content.organisations for a in o.activities
                    if a.drop_in)
    for lang, word in (("fi", "Tule milloin vain"), ("sv", "Kom när du vill"),
                       ("en", "Drop in")):
        page = built_site.soup(built_site.localised(
            f"activities/{activity.organisation}/{activity.id}/index.html", lang))
        terms = [dt.get_text(strip=True) for dt in page.select("dt")]
        assert word in terms, (lang, terms)


def test_drop_in_must_be_true_or_false(tmp_path):
    root = make_site(tmp_path, {"organisations/yhdistys.md": organisation("""\
        name: Testi ry
        summary: Testi.
        municipalities: [kerava]
        activities:
          - id: olohuone
            title: Olohuone
            summary: Tule.
            format: ryhma
            drop_in: joo
        """)})
    [line] = check(root)
    assert line.startswith("content/organisations/yhdistys.md:10:")
    assert "drop_in" in line
