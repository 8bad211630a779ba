#!/usr/bin/env python3
"""Validate the institutional-memory seed files in src/Puente.Data/Memory against the catalog.

Checks people.json, posts.json and engagements.json (formats described in src/Puente.Data/Memory/README.md):
codes, references to the catalog (actors, mechanisms, tracks, issues) and between the three files (people, posts),
tenure dates (valid, from < to, overlaps inside a post), participants who hold a seeded post on the day of an
engagement, IANA time zones and the bilingual text fields.

Usage: python3 tools/check-memory-seed.py [repo-root]
Exit code 0 when there are no errors; warnings and notes are printed but do not fail the run.
"""
import datetime as dt
import json
import re
import sys
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
CATALOG = ROOT / "src" / "Puente.Data" / "Catalog"
MEMORY = ROOT / "src" / "Puente.Data" / "Memory"

CODE_RE = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SENIORITIES = {"HeadOfState", "Cabinet", "DeputySecretary", "AmbassadorOrConsulGeneral", "SeniorOfficial",
               "WorkingLevel", "Legislator", "GovernorOrMayor", "NonStateLeader"}
KINDS = {"Summit", "MinisterialMeeting", "MechanismSession", "WorkingGroupMeeting", "Call", "Visit", "Conference",
         "Exchange", "Signing"}
CERTAINTIES = {"Verified", "SingleSource", "Memory"}
SECTIONS = {"I", "II", "III", "IV", "V", "VI", "VII", "Conclusion"}
CADENCES = {"Continuous", "Monthly", "Quarterly", "Biannual", "Annual", "Biennial", "Triennial", "AdHoc"}
SIDES = {"MX", "US"}
LANGUAGES = {"es", "en"}
MAIN_POSTS = ["MX-PRESIDENT", "US-PRESIDENT", "MX-FOREIGN-SECRETARY", "US-SECRETARY-OF-STATE", "MX-AMBASSADOR-US",
              "US-AMBASSADOR-MX", "MX-ECONOMY-SECRETARY", "US-COMMERCE-SECRETARY", "MX-SECURITY-SECRETARY",
              "US-HOMELAND-SECURITY-SECRETARY"]
SINCE = dt.date(2006, 1, 1)

errors, warnings, notes = [], [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def note(msg):
    notes.append(msg)


def load(path):
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, json.JSONDecodeError) as ex:
        err(f"{path.name}: cannot read JSON: {ex}")
        return []
    if not isinstance(data, list):
        err(f"{path.name}: top level must be an array")
        return []
    return data


def text(where, obj, key, max_len=None, nullable=False):
    value = obj.get(key)
    if value is None and nullable:
        return
    if not isinstance(value, str) or not value.strip():
        err(f"{where}: '{key}' must be a non-empty string")
        return
    if value != value.strip():
        err(f"{where}: '{key}' has leading or trailing spaces")
    if max_len and len(value) > max_len:
        err(f"{where}: '{key}' is {len(value)} characters (max {max_len})")


def bilingual(where, obj, stem, max_len=None, nullable=False):
    text(where, obj, stem + "En", max_len, nullable)
    text(where, obj, stem + "Es", max_len, nullable)
    en, es = obj.get(stem + "En"), obj.get(stem + "Es")
    if isinstance(en, str) and isinstance(es, str) and en and en == es and len(en) > 40:
        warn(f"{where}: '{stem}En' and '{stem}Es' are identical (untranslated?)")


def parse_date(where, value, nullable=False):
    if value is None:
        if not nullable:
            err(f"{where}: date missing")
        return None
    if not isinstance(value, str) or not DATE_RE.match(value):
        err(f"{where}: '{value}' is not a YYYY-MM-DD date")
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        err(f"{where}: '{value}' is not a valid date")
        return None


def check_codes(name, items):
    seen = set()
    for i, item in enumerate(items):
        code = item.get("code")
        if not isinstance(code, str) or not CODE_RE.match(code) or len(code) > 40:
            err(f"{name}[{i}]: bad code {code!r} (upper-case ASCII letters, digits and '-', at most 40 characters)")
        elif code in seen:
            err(f"{name}: duplicate code {code}")
        seen.add(code)
    return seen


def keys_exact(where, obj, expected):
    actual = set(obj)
    if actual != set(expected):
        missing, extra = set(expected) - actual, actual - set(expected)
        err(f"{where}: fields differ from the format (missing {sorted(missing)}, unexpected {sorted(extra)})")


def url_ok(value):
    return isinstance(value, str) and re.match(r"^https?://\S+$", value) is not None


# ---------------------------------------------------------------- catalog
actors = load(CATALOG / "actors.json")
mechanisms = load(CATALOG / "mechanisms.json")
tracks = load(CATALOG / "tracks.json")
issues = load(CATALOG / "issues.json")
actor_by_code = {a.get("code"): a for a in actors}
mechanism_codes = {m.get("code") for m in mechanisms}
track_codes = {t.get("code") for t in tracks}
issue_codes = {i.get("code") for i in issues}
check_codes("actors.json", actors)
check_codes("mechanisms.json", mechanisms)

if actors:
    actor_keys = list(actors[0].keys())
    for a in actors:
        keys_exact(f"actors.json {a.get('code')}", a, actor_keys)
        if a.get("parentCode") is not None and a["parentCode"] not in actor_by_code:
            err(f"actors.json {a.get('code')}: parentCode {a['parentCode']} does not resolve")
    for code in ["MX-SE", "US-DOC", "MX-SSPC", "US-DHS"]:
        a = actor_by_code.get(code)
        if a is None:
            err(f"actors.json: {code} missing")
            continue
        where = f"actors.json {code}"
        if a.get("type") != "Ministry" or a.get("section") != "III" or a.get("level") != "Federal":
            err(f"{where}: expected type Ministry, section III, level Federal")
        bilingual(where, a, "name")
        bilingual(where, a, "description")
    sspc = actor_by_code.get("MX-SSPC", {})
    if "SSP" not in sspc.get("descriptionEn", "") or "SEGOB" not in sspc.get("descriptionEn", ""):
        err("actors.json MX-SSPC: description must say the portfolio sat at SSP and SEGOB before 2018")

if mechanisms:
    mech_keys = list(mechanisms[0].keys())
    for m in mechanisms:
        where = f"mechanisms.json {m.get('code')}"
        keys_exact(where, m, mech_keys)
        if m.get("trackCode") not in track_codes:
            err(f"{where}: trackCode {m.get('trackCode')} does not resolve")
        if m.get("cadence") not in CADENCES:
            err(f"{where}: cadence {m.get('cadence')} not allowed")
        if m.get("section") not in SECTIONS:
            err(f"{where}: section {m.get('section')} not allowed")
        if m.get("established") is not None and not isinstance(m.get("established"), int):
            err(f"{where}: established must be an integer or null")
        bilingual(where, m, "name")
        bilingual(where, m, "description")
    for code in ["HLSD", "SECURITY-IMPLEMENTATION-GROUP", "BORDER-21C-ESC", "NADD", "MERIDA-HLCG"]:
        if code not in mechanism_codes:
            err(f"mechanisms.json: {code} missing")

# ---------------------------------------------------------------- people
people = load(MEMORY / "people.json")
person_codes = check_codes("people.json", people)
PERSON_KEYS = ["code", "name", "honorific", "languages", "bioEn", "bioEs"]
for p in people:
    where = f"people.json {p.get('code')}"
    keys_exact(where, p, PERSON_KEYS)
    text(where, p, "name", 200)
    text(where, p, "honorific", 40, nullable=True)
    langs = p.get("languages")
    if not isinstance(langs, list) or any(l not in LANGUAGES for l in langs) or len(set(langs or [])) != len(langs or []):
        err(f"{where}: languages must be a list of distinct codes from {sorted(LANGUAGES)}")
    bilingual(where, p, "bio", 300)

# ---------------------------------------------------------------- posts
posts = load(MEMORY / "posts.json")
post_by_code = {p.get("code"): p for p in posts}
check_codes("posts.json", posts)
POST_KEYS = ["code", "actor", "country", "seniority", "nameEn", "nameEs", "descriptionEn", "descriptionEs",
             "counterparts", "tenures"]
TENURE_KEYS = ["person", "from", "to", "acting", "certainty", "note", "noteEs", "source"]
for code in MAIN_POSTS:
    if code not in post_by_code:
        err(f"posts.json: {code} missing")

tenures_by_person = {}
pairs = set()
for p in posts:
    code = p.get("code")
    where = f"posts.json {code}"
    keys_exact(where, p, POST_KEYS)
    actor = actor_by_code.get(p.get("actor"))
    if actor is None:
        err(f"{where}: actor {p.get('actor')} does not resolve")
    elif p.get("country") != actor.get("country"):
        err(f"{where}: country {p.get('country')} differs from its actor's ({actor.get('country')})")
    if p.get("country") not in SIDES:
        err(f"{where}: country must be MX or US")
    if p.get("seniority") not in SENIORITIES:
        err(f"{where}: seniority {p.get('seniority')} not allowed")
    bilingual(where, p, "name")
    bilingual(where, p, "description")
    for c in p.get("counterparts") or []:
        other = c.get("post")
        if other not in post_by_code or other == code:
            err(f"{where}: counterpart {other} does not resolve")
            continue
        key = frozenset((code, other))
        if key in pairs:
            err(f"{where}: counterpart pair {code}/{other} listed twice")
        pairs.add(key)
        if p.get("country") != "MX":
            err(f"{where}: counterparts are listed on the MX post only")
        f, t = parse_date(f"{where} counterpart from", c.get("from"), True), parse_date(f"{where} counterpart to", c.get("to"), True)
        if f and t and f >= t:
            err(f"{where}: counterpart from >= to")
    if actor is not None and actor.get("type") == "Consulate":
        if p.get("seniority") != "AmbassadorOrConsulGeneral" or p.get("counterparts") or p.get("tenures"):
            err(f"{where}: consular head posts have seniority AmbassadorOrConsulGeneral and no counterparts or tenures yet")
    spans = []
    for i, t in enumerate(p.get("tenures") or []):
        tw = f"{where} tenure {i} ({t.get('person')})"
        keys_exact(tw, t, TENURE_KEYS)
        if t.get("person") not in person_codes:
            err(f"{tw}: person does not resolve")
        f = parse_date(tw + " from", t.get("from"))
        to = parse_date(tw + " to", t.get("to"), nullable=True)
        if f and to and f >= to:
            err(f"{tw}: from {f} is not before to {to}")
        if not isinstance(t.get("acting"), bool):
            err(f"{tw}: acting must be true or false")
        if t.get("certainty") not in CERTAINTIES:
            err(f"{tw}: certainty {t.get('certainty')} not allowed")
        elif t["certainty"] != "Verified" and not t.get("note"):
            err(f"{tw}: a {t['certainty']} tenure needs a note saying why")
        text(tw, t, "note", 500, nullable=True)
        if t.get("source") is not None and not url_ok(t.get("source")):
            err(f"{tw}: source must be an http(s) URL or null")
        if f:
            spans.append((f, to or dt.date.max, t))
            tenures_by_person.setdefault(t.get("person"), []).append((code, f, to or dt.date.max))
    spans.sort(key=lambda s: s[0])
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            msg = (f"{where}: {a[2].get('person')} ({a[0]}–{a[2].get('to')}) overlaps "
                   f"{b[2].get('person')} ({b[0]}–{b[2].get('to')})")
            if a[2].get("acting") or b[2].get("acting"):
                note(msg + " — allowed: an acting holder overlaps by design")
            else:
                err(msg)
        elif b[0] > a[1] and code in MAIN_POSTS:
            note(f"{where}: gap from {a[1]} to {b[0]}")
    if code in MAIN_POSTS:
        if not spans:
            err(f"{where}: no tenures")
        elif spans[0][0] > SINCE:
            note(f"{where}: no holder recorded from {SINCE} to {spans[0][0]}")
        elif spans and spans[-1][1] != dt.date.max:
            note(f"{where}: no current holder")

# ---------------------------------------------------------------- engagements
engagements = load(MEMORY / "engagements.json")
check_codes("engagements.json", engagements)
ENG_KEYS = ["code", "section", "kind", "mechanism", "session", "titleEn", "titleEs", "start", "end", "timeZone", "place",
            "tracks", "issues", "participants", "summaryEn", "summaryEs", "outcomesEn", "outcomesEs", "sources",
            "certainty", "certaintyNote", "certaintyNoteEs"]
PART_KEYS = ["person", "post", "side", "seniority", "lead", "role", "roleEs"]
sessions = {}
for e in engagements:
    code = e.get("code")
    where = f"engagements.json {code}"
    keys_exact(where, e, ENG_KEYS)
    if e.get("section") not in SECTIONS:
        err(f"{where}: section {e.get('section')} not allowed")
    kind = e.get("kind")
    if kind not in KINDS:
        err(f"{where}: kind {kind} not allowed")
    mech = e.get("mechanism")
    if mech is not None and mech not in mechanism_codes:
        err(f"{where}: mechanism {mech} does not resolve")
    if mech is None and kind == "MechanismSession":
        err(f"{where}: a MechanismSession needs a mechanism")
    if isinstance(code, str) and isinstance(e.get("start"), str):
        # <MECHANISM>-<YYYY>[-MM[-DD]][-SUFFIX]; engagements without a mechanism use a descriptive prefix.
        m = re.match(r"^(?P<prefix>.+?)-(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:-[A-Z0-9]+)?$", code)
        if not m:
            err(f"{where}: code should be <MECHANISM>-<YYYY[-MM[-DD]]>")
        else:
            if mech and m.group("prefix") != mech:
                err(f"{where}: code should start with its mechanism code {mech}-")
            if not e["start"].startswith(m.group("date")):
                err(f"{where}: code date {m.group('date')} does not match start {e['start']}")
    session = e.get("session")
    if session is not None:
        if not isinstance(session, int) or isinstance(session, bool) or session < 1:
            err(f"{where}: session must be a positive integer or null")
        elif (mech, session) in sessions:
            err(f"{where}: session {session} of {mech} also used by {sessions[(mech, session)]}")
        else:
            sessions[(mech, session)] = code
    bilingual(where, e, "title", 200)
    bilingual(where, e, "summary", 400)
    bilingual(where, e, "outcomes", 400)
    start = parse_date(where + " start", e.get("start"))
    end = parse_date(where + " end", e.get("end"))
    if start and end and end < start:
        err(f"{where}: end {end} before start {start}")
    try:
        ZoneInfo(e.get("timeZone") or "")
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        err(f"{where}: time zone {e.get('timeZone')!r} is not an IANA zone")
    text(where, e, "place", 200, nullable=True)
    for t in e.get("tracks") or []:
        if t not in track_codes:
            err(f"{where}: track {t} does not resolve")
    if not e.get("tracks"):
        err(f"{where}: at least one track")
    for i in e.get("issues") or []:
        if i not in issue_codes:
            err(f"{where}: issue {i} does not resolve")
    if len(set(e.get("tracks") or [])) != len(e.get("tracks") or []) or len(set(e.get("issues") or [])) != len(e.get("issues") or []):
        err(f"{where}: duplicate track or issue")
    sources = e.get("sources")
    if not isinstance(sources, list) or len(sources) > 5 or any(not url_ok(s) for s in sources):
        err(f"{where}: sources must be at most 5 http(s) URLs")
    if e.get("certainty") not in CERTAINTIES:
        err(f"{where}: certainty {e.get('certainty')} not allowed")
    elif e["certainty"] != "Verified" and not e.get("certaintyNote") and not sources:
        err(f"{where}: a {e['certainty']} engagement without sources needs a certaintyNote")
    if e.get("certainty") == "Memory" and not e.get("certaintyNote"):
        err(f"{where}: a Memory engagement needs a certaintyNote")
    text(where, e, "certaintyNote", 500, nullable=True)
    parts = e.get("participants")
    if not isinstance(parts, list):
        err(f"{where}: participants must be an array")
        continue
    if len(parts) > 6:
        err(f"{where}: {len(parts)} participants (at most 6)")
    leads_done = False
    seen_people = set()
    for j, x in enumerate(parts):
        pw = f"{where} participant {j} ({x.get('person') or x.get('role')})"
        keys_exact(pw, x, PART_KEYS)
        person, post = x.get("person"), x.get("post")
        if person is not None and person not in person_codes:
            err(f"{pw}: person does not resolve")
        if person is not None and person in seen_people:
            err(f"{pw}: person listed twice")
        seen_people.add(person)
        if post is not None and post not in MAIN_POSTS:
            err(f"{pw}: post must be one of the ten seeded posts")
        if x.get("side") not in SIDES:
            err(f"{pw}: side must be MX or US")
        if post is not None and post in post_by_code and post_by_code[post].get("country") != x.get("side"):
            err(f"{pw}: side {x.get('side')} differs from the post's country")
        if x.get("seniority") is not None and x.get("seniority") not in SENIORITIES:
            err(f"{pw}: seniority {x.get('seniority')} not allowed")
        if not isinstance(x.get("lead"), bool):
            err(f"{pw}: lead must be true or false")
        elif x["lead"] and leads_done:
            err(f"{pw}: leads must come first")
        elif not x["lead"]:
            leads_done = True
        text(pw, x, "role", 100, nullable=person is not None or post is not None)
        if person is None and post is None and not x.get("role"):
            err(f"{pw}: an unnamed participant needs a role")
        if not start or person is None:
            continue
        # A date known only to the month or year (recorded as its first day, see README) cannot show who held what.
        imprecise = re.search(r"known to the year only|day unknown|day and place unknown", e.get("certaintyNote") or "", re.I) is not None
        held = [(c, f, t) for c, f, t in tenures_by_person.get(person, []) if f <= start < t]
        if post is not None:
            if not any(c == post for c, _, _ in held):
                err(f"{pw}: no tenure of {person} in {post} covers {start}")
        elif held and not imprecise:
            warn(f"{pw}: {person} held {', '.join(c for c, _, _ in held)} on {start} but no post is given")

# ---------------------------------------------------------------- people usage
used = {t["person"] for p in posts for t in p.get("tenures") or [] if isinstance(t, dict)}
used |= {x.get("person") for e in engagements for x in e.get("participants") or [] if isinstance(x, dict)}
for code in sorted(person_codes - used):
    warn(f"people.json {code}: neither a tenure holder nor a participant")

# ---------------------------------------------------------------- report
for n in notes:
    print("note:", n)
for w in warnings:
    print("warning:", w)
for e_ in errors:
    print("ERROR:", e_)
print(f"people {len(people)}, posts {len(posts)}, tenures {sum(len(p.get('tenures') or []) for p in posts)}, "
      f"engagements {len(engagements)}: {len(errors)} errors, {len(warnings)} warnings, {len(notes)} notes")
sys.exit(1 if errors else 0)
