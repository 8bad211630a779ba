#!/usr/bin/env python3
"""Replays the findings of issue 10 (the new-user and attacker review) against a running Puente host.

Starts the web host built in Debug (run `dotnet build` first) on a fresh SQLite data directory and a free loopback
port, provisions accounts with the `puente` CLI, then tries each finding the way the reviewer did and reports it as
FIXED or NOT FIXED with what was seen. Exit code 0 when every finding is fixed, 1 otherwise. Loopback only; every
request loop is bounded. Usage: python3 tests/findings/replay.py [--keep] [--only 1,7,8]
"""
from __future__ import annotations

import argparse
import concurrent.futures
import http.cookiejar
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WEB_DLL = os.path.join(REPO, "src", "Puente.Web", "bin", "Debug", "net10.0", "Puente.Web.dll")
CLI_DLL = os.path.join(REPO, "src", "Puente.Cli", "bin", "Debug", "net10.0", "puente.dll")
SHARED = os.path.abspath(os.path.join(REPO, "..", "shared"))
PASSWORD = "Replay-Passw0rd-2026"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Host:
    """The web host as a process, and the CLI on the same data directory."""

    def __init__(self, data: str):
        self.data = data
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(data, "host.log"), "w")
        env = dict(os.environ, Urls=self.base, ASPNETCORE_URLS=self.base, Puente__DataDirectory=data,
                   ASPNETCORE_ENVIRONMENT="Production")
        self.process = subprocess.Popen(["dotnet", WEB_DLL], cwd=os.path.join(REPO, "src", "Puente.Web"), env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                if request(self.base + "/health/ready")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError("the host exited; see " + self.log.name)
            time.sleep(0.5)
        raise RuntimeError("the host did not become ready in 90 s")

    def cli(self, *args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(["dotnet", CLI_DLL, *args, "--data-dir", self.data], input=stdin, capture_output=True,
                              text=True, timeout=120, env=dict(os.environ, **(env or {})))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def request(url: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None,
            opener: urllib.request.OpenerDirector | None = None, timeout: float = 60) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with (opener.open(req, timeout=timeout) if opener else urllib.request.urlopen(req, timeout=timeout)) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Api:
    def __init__(self, host: Host):
        self.host = host

    def login(self, user: str, password: str = PASSWORD) -> tuple[int, dict]:
        status, _, body = request(self.host.base + "/api/v1/auth/login", "POST",
                                  json.dumps({"userName": user, "password": password}).encode(),
                                  {"Content-Type": "application/json"})
        return status, (json.loads(body) if body else {})

    def token(self, user: str) -> str:
        status, answer = self.login(user)
        if status != 200:
            raise RuntimeError(f"{user} could not sign in: {status} {answer}")
        return answer["accessToken"]

    def call(self, method: str, path: str, token: str | None, payload=None, raw: bytes | None = None,
             content_type: str = "application/json", headers: dict | None = None) -> tuple[int, dict, bytes]:
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        body = raw if raw is not None else (json.dumps(payload).encode() if payload is not None else None)
        if body is not None:
            h["Content-Type"] = content_type
        return request(self.host.base + path, method, body, h)


class Browser:
    """A cookie session that fills forms the way a browser does (anti-forgery token included)."""

    def __init__(self, host: Host, language: str = "en-US"):
        self.host = host
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.language = language

    def get(self, path: str) -> tuple[int, dict, str]:
        status, headers, body = request(self.host.base + path, headers={"Accept-Language": self.language}, opener=self.opener)
        return status, headers, body.decode("utf-8", "replace")

    def post(self, path: str, fields: dict, form_path: str | None = None) -> tuple[int, dict, str]:
        _, _, page = self.get(form_path or path)
        token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page) \
            or re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page)
        data = dict(fields)
        if token:
            data["__RequestVerificationToken"] = token.group(1)
        body = urllib.parse.urlencode(data, doseq=True).encode()
        status, headers, answer = request(self.host.base + path, "POST", body,
                                          {"Content-Type": "application/x-www-form-urlencoded", "Accept-Language": self.language},
                                          opener=self.opener)
        return status, headers, answer.decode("utf-8", "replace")

    def sign_in(self, user: str, password: str = PASSWORD) -> tuple[int, dict, str]:
        return self.post("/Account/Login", {"Input.UserName": user, "Input.Password": password})


def upload(host: Host, path: str, token: str, body: bytes, content_type: str) -> tuple[int, bytes]:
    """Sends a large body in chunks, as a browser or curl would, and reads the answer even when the server stops
    reading early (a refused body closes the connection before the upload ends)."""
    import http.client
    connection = http.client.HTTPConnection("127.0.0.1", host.port, timeout=120)
    connection.putrequest("POST", path)
    connection.putheader("Authorization", "Bearer " + token)
    connection.putheader("Content-Type", content_type)
    connection.putheader("Content-Length", str(len(body)))
    connection.endheaders()
    try:
        for offset in range(0, len(body), 65536):
            connection.send(body[offset:offset + 65536])
    except (BrokenPipeError, ConnectionResetError):
        pass
    try:
        response = connection.getresponse()
        return response.status, response.read()
    except (ConnectionResetError, http.client.RemoteDisconnected):
        return 0, b""
    finally:
        connection.close()


FINDINGS = {}


def finding(number: int, title: str):
    def register(check):
        FINDINGS[number] = (title, check)
        return check
    return register


ACTOR = {"nameEn": "Replay office", "type": "Agency", "country": "MX", "level": "Federal"}


@finding(1, "a bearer token follows its account (role change, lock, password change) within 30 s")
def token_follows_account(host: Host, api: Api):
    seen = []
    for name, change in [("replay-demoted", lambda n: host.cli("users", "role", n, "Viewer")),
                         ("replay-locked", lambda n: host.cli("users", "lock", n))]:
        host.cli("users", "add", name, "--role", "Editor", "--side", "MX", stdin=PASSWORD + "\n")
        token = api.token(name)
        first = api.call("POST", "/api/v1/actors", token, dict(ACTOR, code=f"RPL-{name.upper()}-1"))[0]
        done = change(name)
        if first != 201 or done.returncode != 0:
            return False, f"{name}: create before the change answered {first}; the CLI said {done.stdout}{done.stderr}"
        deadline, status = time.time() + 35, 201
        while time.time() < deadline and status == 201:
            status = api.call("POST", "/api/v1/actors", token, dict(ACTOR, code=f"RPL-{name.upper()}-{int(time.time() * 1000) % 100000}"))[0]
            if status == 201:
                time.sleep(2)
        seen.append(f"{name}: {status}")
        if status not in (401, 403):
            return False, f"{name}: the old token still creates actors after 35 s ({status})"
    return True, "; ".join(seen)


@finding(2, "a code held by a record the user cannot read is not revealed")
def hidden_codes(host: Host, api: Api):
    mx, us = api.token("replay-mx"), api.token("replay-us")
    created = api.call("POST", "/api/v1/actors", mx, dict(ACTOR, code="RPL-HIDDEN-MX", confidentiality="Internal", ownerSide="MX"))[0]
    shared = api.call("POST", "/api/v1/actors", mx, dict(ACTOR, code="RPL-SHARED-MX"))[0]
    if created != 201 or shared != 201:
        return False, f"the probe actors were not created ({created}, {shared})"

    def answer(code: str) -> str:
        status, _, body = api.call("POST", "/api/v1/actors", us, dict(ACTOR, code=code, country="US", ownerSide="US"))
        problem = json.loads(body)
        return f"{status} {json.dumps(problem.get('errors'), sort_keys=True)}".replace(code, "CODE")

    hidden, readable = answer("RPL-HIDDEN-MX"), answer("RPL-SHARED-MX")
    if "already in use" in hidden or hidden != readable:
        return False, f"hidden: {hidden[:160]} / readable: {readable[:160]}"
    return True, f"the same answer for a hidden and a readable holder: {hidden[:100]}"


@finding(3, "audit verify notices deleted and rewritten entries")
def audit_anchor(host: Host, api: Api):
    if host.cli("audit", "verify").returncode != 0:
        return False, "verify fails on an untouched trail"
    db = os.path.join(host.data, "puente.db")
    results = []
    for name, tamper in [
        ("last entry deleted", "DELETE FROM AuditEntries WHERE Id = (SELECT MAX(Id) FROM AuditEntries)"),
        ("every entry deleted", "DELETE FROM AuditEntries"),
    ]:
        copy = tempfile.mkdtemp(prefix="puente-replay-audit-")
        for item in os.listdir(host.data):
            source = os.path.join(host.data, item)
            if os.path.isfile(source) and not item.endswith(".log"):
                shutil.copy2(source, copy)
            elif os.path.isdir(source):
                shutil.copytree(source, os.path.join(copy, item))
        with sqlite3.connect(os.path.join(copy, "puente.db")) as c:
            c.execute(tamper)
        verified = subprocess.run(["dotnet", CLI_DLL, "audit", "verify", "--data-dir", copy], capture_output=True, text=True, timeout=120)
        shutil.rmtree(copy, ignore_errors=True)
        results.append(f"{name}: exit {verified.returncode}")
        if verified.returncode == 0:
            return False, f"{name}: verify says intact ({verified.stdout.strip()[:200]})"
    del db
    return True, "; ".join(results) + " (rewrite with recomputed hashes: AuditTests)"


@finding(4, "security headers on every page, and a Secure cookie behind the TLS proxy")
def headers(host: Host, api: Api):
    _, page, _ = request(host.base + "/Account/Login")
    _, apih, _ = request(host.base + "/api/v1/actors")
    missing = [h for h in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")
               if h.lower() not in {k.lower() for k in page} or h.lower() not in {k.lower() for k in apih}]
    csp = next((v for k, v in page.items() if k.lower() == "content-security-policy"), "")
    if missing or "frame-ancestors" not in csp:
        return False, f"missing {missing or 'frame-ancestors'}"
    browser = Browser(host)
    browser.opener.addheaders = [("X-Forwarded-Proto", "https")]
    status, h, _ = browser.sign_in("replay-mx")
    cookie = " ".join(v for k, v in h.items() if k.lower() == "set-cookie")
    if "Puente.Auth" in cookie and "secure" not in cookie.lower():
        return False, "the sign-in cookie is not Secure behind X-Forwarded-Proto: https"
    return True, f"CSP {csp[:60]}…; sign-in {status}"


@finding(5, "sign-in answers do not tell real accounts from unknown ones")
def enumeration(host: Host, api: Api):
    # Its own account: the failed sign-ins below lock it (as they should).
    host.cli("users", "add", "replay-probe", "--role", "Viewer", "--side", "MX", stdin=PASSWORD + "\n")
    known = api.login("replay-probe", "wrong-password-123")
    unknown = api.login("nobody-at-all", "wrong-password-123")
    admin = api.login("admin", "wrong-password-123")
    if admin[0] == 403:
        return False, "admin with a wrong password gets the change-password answer"
    def same(answer):
        return answer[0], {k: v for k, v in answer[1].items() if k != "traceId"}
    if same(known) != same(unknown):
        return False, f"known {known} vs unknown {unknown}"
    timings = []
    for user in ("replay-probe", "nobody-at-all"):
        start = time.perf_counter()
        for _ in range(5):
            api.login(user, "wrong-password-123")
        timings.append((time.perf_counter() - start) / 5 * 1000)
    return True, f"identical answers ({known[0]}); mean {timings[0]:.0f} ms known vs {timings[1]:.0f} ms unknown"


@finding(6, "a user an administrator creates in the UI must change the password at first UI sign-in")
def admin_created(host: Host, api: Api):
    admin = Browser(host)
    status, _, _ = admin.sign_in("replay-admin")
    status, _, page = admin.post("/Admin/Users", {"Input.UserName": "replay-new", "Input.Password": PASSWORD, "Input.Role": "Viewer",
                                                  "Input.Side": "MX", "Input.Groups": ""})
    user = Browser(host)
    user.sign_in("replay-new")
    status, headers, _ = user.get("/")
    where = headers.get("Location", "")
    if status == 302 and "ChangePassword" in where:
        return True, "redirected to /Account/ChangePassword"
    return False, f"first page after sign-in: {status} {where}"


@finding(7, "an absurd delivery is refused and the status keeps working")
def absurd_delivery(host: Host, api: Api):
    mx = api.token("replay-mx")
    answers = []
    for volume, unit in [("79228162514264337593543950335", "AF"), ("1e28", "AF"), ("1e23", "Mm3")]:
        raw = ('{"date":"2026-11-02","volume":%s,"unit":"%s","source":"Conchos"}' % (volume, unit)).encode()
        answers.append(api.call("POST", "/api/v1/water/riogrande/deliveries", mx, raw=raw)[0])
    status = api.call("GET", "/api/v1/water/riogrande/status", mx)[0]
    series = api.call("GET", "/api/v1/water/riogrande/balance-series?from=2025-10-25", mx)[0]
    if any(a in (200, 201) or a >= 500 for a in answers) or status != 200 or series != 200:
        return False, f"answers {answers}; status {status}; series {series}"
    return True, f"answers {answers}; status and series 200"


@finding(8, "parallel writes of one delivery week write one row, and conflicts are 409")
def races(host: Host, api: Api):
    mx = api.token("replay-mx")
    body = {"date": "2026-11-09", "volume": 1000, "unit": "AF", "source": "Salado"}
    with concurrent.futures.ThreadPoolExecutor(7) as pool:
        answers = list(pool.map(lambda _: api.call("POST", "/api/v1/water/riogrande/deliveries", mx, body)[0], range(7)))
        codes = list(pool.map(lambda _: api.call("POST", "/api/v1/actors", mx, dict(ACTOR, code="RPL-RACE"))[0], range(7)))
    if answers.count(201) != 1 or any(a >= 500 for a in answers + codes) or codes.count(201) != 1:
        return False, f"deliveries {answers}; actors {codes}"
    return True, f"deliveries {answers}; actors {codes}"


@finding(9, "junk imports and huge texts are bounded")
def bounds(host: Host, api: Api):
    mx = api.token("replay-mx")
    junk = b"date,volume,unit,source\n" + b"junk,junk,junk,junk\n" * 1_000_000  # 20 MB
    start = time.perf_counter()
    status, body = upload(host, "/api/v1/water/riogrande/deliveries/import", mx, junk, "text/csv")
    seconds = time.perf_counter() - start
    document = upload(host, "/api/v1/water/colorado/reserve", mx,
                      json.dumps({"date": "2026-01-05", "kind": "Deferral", "volumeAf": 10, "document": "x" * 20_000_000}).encode(),
                      "application/json")[0]
    if status == 0 or status >= 500 or len(body) > 1_000_000 or document in (200, 201) or document >= 500:
        return False, f"import {status}, {len(body)} bytes in {seconds:.1f} s; 20 MB document {document}"
    return True, f"import {status}, {len(body)} bytes in {seconds:.1f} s; 20 MB document {document}"


@finding(10, "enum fields take names only; dates and names are sane")
def strict_input(host: Host, api: Api):
    mx = api.token("replay-mx")
    cases = {
        "confidentiality +1": dict(ACTOR, code="RPL-ENUM-1", confidentiality="+1"),
        "confidentiality list": dict(ACTOR, code="RPL-ENUM-2", confidentiality="Shared, Internal"),
        "type 3": dict(ACTOR, code="RPL-ENUM-3", type="3"),
        "invisible name": dict(ACTOR, code="RPL-ENUM-4", nameEn="\u200b\u200b\u200b", nameEs=""),
        "bidi name": dict(ACTOR, code="RPL-ENUM-5", nameEn="\u202eevil"),
    }
    accepted = [name for name, body in cases.items() if api.call("POST", "/api/v1/actors", mx, body)[0] == 201]
    date = api.call("POST", "/api/v1/water/riogrande/deliveries", mx, {"date": "9999-12-31", "volume": 1, "unit": "AF", "source": "Conchos"})[0]
    if accepted or date in (200, 201):
        return False, f"accepted: {accepted}; 9999-12-31 delivery {date}"
    return True, "all refused"


@finding(11, "a damaged .CSV.zip is refused with a summary, no stack trace")
def damaged_zip(host: Host, api: Api):
    source = next((os.path.join(SHARED, "data", "gdelt", f) for f in sorted(os.listdir(os.path.join(SHARED, "data", "gdelt")))
                   if f.endswith(".export.CSV")), None)
    if source is None:
        return False, "no GDELT sample in ../shared/data/gdelt"
    folder = tempfile.mkdtemp(prefix="puente-replay-zip-")
    good = os.path.join(folder, "20250101000000.export.CSV.zip")
    with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(source, "20250101000000.export.CSV")
    data = bytearray(open(good, "rb").read())
    damaged = []
    for i, (offset, name) in enumerate([(len(data) // 2, "middle"), (len(data) - 30, "directory"), (10, "header")]):
        copy = bytearray(data)
        for k in range(offset, min(offset + 8, len(copy))):
            copy[k] ^= 0xFF
        path = os.path.join(folder, f"2025010{i + 2}000000.export.CSV.zip")
        open(path, "wb").write(copy)
        damaged.append(path)
    truncated = os.path.join(folder, "20250105000000.export.CSV.zip")
    open(truncated, "wb").write(data[: len(data) // 3])
    store = tempfile.mkdtemp(prefix="puente-replay-store-")
    run = subprocess.run(["dotnet", CLI_DLL, "events", "ingest", folder, "--data-dir", store], capture_output=True, text=True, timeout=300)
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(store, ignore_errors=True)
    output = run.stdout + run.stderr
    if "   at " in output or "Unhandled exception" in output:
        return False, "a stack trace: " + output[:300]
    return True, f"exit {run.returncode}; {len(output.splitlines())} lines of summary"


@finding(12, "start-up and content-type messages say what is wrong")
def messages(host: Host, api: Api):
    env = dict(os.environ, Urls=host.base, ASPNETCORE_URLS=host.base, Puente__DataDirectory=tempfile.mkdtemp(prefix="puente-replay-port-"))
    second = subprocess.run(["dotnet", WEB_DLL], cwd=os.path.join(REPO, "src", "Puente.Web"), env=env, capture_output=True, text=True, timeout=120)
    said = (second.stdout + second.stderr)
    mx = api.token("replay-mx")
    status, _, body = api.call("POST", "/api/v1/water/riogrande/deliveries/import", mx, raw=b"{}")
    if "database" in said.lower() and "could not be reached" in said.lower():
        return False, "a busy port is reported as an unreachable database"
    if "Send JSON" in body.decode():
        return False, f"the CSV import sent as JSON answers {status} 'Send JSON'"
    return True, f"busy port: exit {second.returncode}; import as JSON: {status}"


@finding(13, "the Water page agrees with itself: cycle 35 closed without deficit")
def water_consistent(host: Host, api: Api):
    mx = api.token("replay-mx")
    status, _, body = api.call("GET", "/api/v1/water/riogrande/status?asOf=2020-10-24", mx)
    s = json.loads(body)
    if status != 200 or s.get("balanceAf", -1) < 0:
        return False, f"cycle 35 at its end: {status} balance {s.get('balanceAf')}"
    return True, f"cycle 35 at its end: balance {s['balanceAf']}"


@finding(14, "sources and notes in Spanish, no repository paths")
def water_spanish(host: Host, api: Api):
    browser = Browser(host, "es-MX")
    browser.sign_in("replay-mx")
    status, _, page = browser.get("/Water")
    if status != 200 or "../shared" in page or re.search(r"\.md\b", page):
        return False, f"{status}; a repository path is shown"
    return True, "no repository path on the Spanish page"


@finding(15, "one delivery is one record, not a CSV line")
def one_delivery(host: Host, api: Api):
    browser = Browser(host)
    browser.sign_in("replay-mx")
    status, _, page = browser.post("/Water/Record?handler=Add", {"date": "2026-11-16", "volume": "12,000", "unit": "AF", "source": "Conchos"},
                                   form_path="/Water/Record")
    if "comma-separated fields" in page:
        return False, "the form is parsed as CSV"
    return True, f"{status}; no CSV message"


@finding(16, "the Monitor says as of when, and pages fit a phone")
def monitor(host: Host, api: Api):
    browser = Browser(host)
    browser.sign_in("replay-mx")
    status, _, page = browser.get("/Events")
    if status != 200:
        return False, f"Monitor answered {status}"
    if 'id="data-as-of"' not in page:
        return False, "no 'data as of' on the Monitor"
    if 'id="nav-toggle"' not in page:
        return False, "no menu button for narrow screens"
    return True, "menu button present (gaps, as-of and 390 px width: browser test)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    parser.add_argument("--only", help="comma-separated finding numbers")
    args = parser.parse_args()
    if not (os.path.exists(WEB_DLL) and os.path.exists(CLI_DLL)):
        subprocess.run(["dotnet", "build", REPO, "-v", "q"], check=True)
    data = tempfile.mkdtemp(prefix="puente-replay-")
    for name, role, side in [("replay-admin", "Administrator", "MX"), ("replay-mx", "Editor", "MX"), ("replay-us", "Editor", "US")]:
        done = subprocess.run(["dotnet", CLI_DLL, "users", "add", name, "--role", role, "--side", side, "--data-dir", data],
                              input=PASSWORD + "\n", capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            print(done.stdout, done.stderr, file=sys.stderr)
            return 2
    gdelt = os.path.join(SHARED, "data", "gdelt")
    if os.path.isdir(gdelt):  # the Monitor's "data as of" needs events
        subprocess.run(["dotnet", CLI_DLL, "events", "ingest", gdelt, "--data-dir", data], capture_output=True, text=True, timeout=300)
    host = Host(data)
    api = Api(host)
    wanted = {int(n) for n in args.only.split(",")} if args.only else set(FINDINGS)
    failures = 0
    try:
        for number in sorted(wanted):
            title, check = FINDINGS[number]
            try:
                fixed, detail = check(host, api)
            except Exception as e:  # a crash of the check is a failure to show, not to hide
                fixed, detail = False, f"{type(e).__name__}: {e}"
            failures += 0 if fixed else 1
            print(f"{number:>2}. {'FIXED    ' if fixed else 'NOT FIXED'} {title} — {detail}", flush=True)
    finally:
        host.stop()
        if not args.keep:
            shutil.rmtree(data, ignore_errors=True)
    print(f"{len(wanted) - failures} fixed, {failures} not fixed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
