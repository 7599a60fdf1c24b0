#!/usr/bin/env python3
"""Independent reference crawl of the demo sites with lxml (libxml2, like the Swift side):
applies demo-sources.yaml, merges listing/detail/JSON-LD, compares with expected-*.json."""
import json, os, re, sys, yaml
from urllib.parse import urljoin, urlparse
import lxml.html
from cssselect import HTMLTranslator

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "HomeshoreKit", "Resources", "DemoSites")
BASE = "http://127.0.0.1:8080"
T = HTMLTranslator()
errors = []


def fetch(url):
    p = urlparse(url).path
    if p.endswith("/"):
        p += "index.html"
    with open(ROOT + p, "rb") as f:
        return f.read()


def parse(url):
    return lxml.html.document_fromstring(fetch(url))


def norm(s):
    return re.sub(r"\s+", " ", s).strip() if s is not None else None


def select(node, spec, all_=False):
    kind, expr = spec.split(":", 1)
    expr = expr.strip()
    if kind == "css":
        attr = None
        m = re.match(r"^(.*?)\s+@([\w-]+)$", expr)
        if m:
            expr, attr = m.group(1), m.group(2)
        xp = T.css_to_xpath(expr, prefix="descendant-or-self::")
        res = node.xpath(xp)
        vals = [(r.get(attr) if attr else norm(r.text_content())) for r in res]
        vals = [v for v in vals if v is not None]
    else:
        res = node.xpath(expr)
        vals = [norm(r if isinstance(r, str) else r.text_content()) for r in res]
    if all_:
        return res
    return vals[0] if vals else None


def jsonld(doc):
    nodes = []
    for s in doc.xpath('//script[@type="application/ld+json"]'):
        try:
            nodes.append(json.loads(s.text))
        except Exception:
            pass
    found, ids = [], {}

    def walk(o):
        if isinstance(o, list):
            for x in o:
                walk(x)
        elif isinstance(o, dict):
            if "@id" in o and len(o) > 1:
                ids[o["@id"]] = o
            t = o.get("@type")
            if t == "JobPosting":
                found.append(o)
            for k in ("@graph", "itemListElement", "item"):
                if k in o:
                    walk(o[k])
    walk(nodes)
    return found, ids, nodes


def html_text(s):
    return norm(lxml.html.fragment_fromstring(s, create_parent="div").text_content())


def num(v):
    return float(v) if v is not None else None


def ld_fields(jp, ids):
    f = {}
    f["title"] = norm(jp.get("title"))
    org = jp.get("hiringOrganization") or {}
    if "@id" in org and "name" not in org:
        org = ids.get(org["@id"], {})
    f["employer"] = norm(org.get("name"))
    loc = jp.get("jobLocation")
    if isinstance(loc, list):
        loc = loc[0]
    if loc:
        a = loc.get("address", {})
        f["location"] = a.get("addressLocality")
        f["postal_code"] = a.get("postalCode")
    f["id"] = (jp.get("identifier") or {}).get("value")
    f["posted"] = jp.get("datePosted")
    f["valid_through"] = (jp.get("validThrough") or "")[:10] or None
    et = jp.get("employmentType")
    f["employment_type"] = et if isinstance(et, list) else ([et] if et else [])
    f["description"] = html_text(jp["description"]) if jp.get("description") else None
    if jp.get("jobLocationType") == "TELECOMMUTE":
        f["remote_ld"] = "full"
    bs = jp.get("baseSalary")
    if bs:
        v = bs["value"]
        per = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}[v["unitText"]]
        lo = num(v.get("minValue", v.get("value")))
        hi = num(v.get("maxValue", v.get("value")))
        f["salary_parsed"] = (lo, hi, per, bs.get("currency"))
    f["url"] = jp.get("url")
    return {k: v for k, v in f.items() if v is not None}


def parse_salary(text):
    if not text:
        return None
    t = text.replace("\u00a0", " ").replace("\u202f", " ")
    nums = [float(n.replace(" ", "").replace(",", ".")) for n in re.findall(r"\d{1,3}(?: \d{3})*(?:,\d+)?", t)]
    if not nums or "€" not in t:
        return None
    per = None
    for pat, p in [(r"heure|/ ?h\b|hour", "hour"), (r"jour|day", "day"), (r"mois|mensuel|month", "month"),
                   (r"\ban\b|annuel|year", "year")]:
        if re.search(pat, t, re.I):
            per = p
            break
    return (nums[0], nums[1] if len(nums) > 1 else nums[0], per, "EUR")


def remote_of(rec):
    if rec.get("remote_ld"):
        return "full"
    r = (rec.get("remote") or "").lower()
    txt = ((rec.get("title") or "") + " " + (rec.get("description") or "")).lower()
    for src in (r, txt):
        if "100 % télétravail" in src or "à domicile" in src:
            return "full"
        if "télétravail partiel" in src or "jours de télétravail" in src:
            return "hybrid"
        if "sur site" in src or "présentiel" in src:
            return "on_site"
    return None


def date_of(s):
    if not s:
        return None
    m = re.match(r"(\d{2})/(\d{2})/(\d{4})$", s)
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else s[:10]


def finish(source, rec):
    sal = rec.get("salary_parsed")
    if rec.get("salary") is not None:  # a text field (detail or listing) beats JSON-LD only if it came from a higher layer
        pass
    return {"source": source, "path": urlparse(rec["url"]).path, "id": rec.get("id"), "title": rec.get("title"),
            "employer": rec.get("employer"), "location": rec.get("location"), "postal_code": rec.get("postal_code"),
            "remote": remote_of(rec), "employment_type": rec.get("employment_type", []), "contract": rec.get("contract"),
            "salary_min": sal[0] if sal else None, "salary_max": sal[1] if sal else None,
            "salary_period": sal[2] if sal else None, "currency": sal[3] if sal else None,
            "posted": date_of(rec.get("posted")), "valid_through": rec.get("valid_through"),
            "description_start": (rec.get("description") or "")[:40] or None, "cross_posted_with": None}


def layer(fields):
    """turn raw selector values into record values (salary text -> parsed)"""
    out = {k: v for k, v in fields.items() if v is not None}
    if "salary" in out:
        p = parse_salary(out["salary"])
        out.pop("salary")
        if p:
            out["salary_parsed"] = p
        else:
            out["salary_parsed"] = None  # explicit "no salary" text (e.g. "Selon profil")
    return out


def crawl(src):
    rows, pages = [], 0
    url = src["start"][0].replace("{{base}}", BASE)
    maxp = src.get("max_pages", 5)
    while url and pages < maxp:
        pages += 1
        doc = parse(url)
        if "items" not in src:
            jps, ids, _ = jsonld(doc)
            for jp in jps:
                rec = ld_fields(jp, ids)
                rec["url"] = urljoin(url, rec["url"])
                rows.append(finish(src["name"], rec))
        else:
            items = select(doc, src["items"], all_=True)
            for it in items:
                listing = layer({k: select(it, v) for k, v in src["fields"].items()})
                rec = dict(listing)
                rec["url"] = urljoin(url, listing["url"])
                if src.get("follow") == "url":
                    d = parse(rec["url"])
                    jps, ids, _ = jsonld(d)
                    if len(jps) > 1:
                        errors.append(f"{rec['url']}: {len(jps)} JobPostings")
                    if jps:
                        rec.update(ld_fields(jps[0], ids))
                        rec["url"] = urljoin(url, listing["url"])
                    det = layer({k: select(d, v) for k, v in (src.get("detail") or {}).items()})
                    rec.update(det)
                rows.append(finish(src["name"], rec))
        nxt = select(doc, src["next"]) if src.get("next") else None
        url = urljoin(url, nxt) if nxt else None
    return rows, pages


def canon(name, emp):
    for k, v in emp.items():
        if name == k or name in v:
            return k
    return name


def main():
    cfg = yaml.safe_load(open(f"{ROOT}/demo-sources.yaml"))
    assert set(cfg) == {"version", "user_agent", "defaults", "employers", "sources"}
    for s in cfg["sources"]:
        assert re.fullmatch(r"[a-z0-9-]+", s["name"]), s["name"]
    exp = json.load(open(f"{ROOT}/expected-offers.json"))
    got = []
    for s in cfg["sources"]:
        if s["kind"] == "offers":
            r, pages = crawl(s)
            print(f"{s['name']}: {len(r)} rows from {pages} page(s)")
            got += r
    # cross-posting: same canonical employer + same town, different source
    emp = cfg["employers"]
    for a in got:
        for b in got:
            if a is not b and a["source"].split("-")[0] != b["source"].split("-")[0] \
                    and canon(a["employer"], emp) == canon(b["employer"], emp) and a["location"] == b["location"] \
                    and a["salary_min"] == b["salary_min"] and a["remote"] == b["remote"]:
                a["cross_posted_with"] = f"{b['source']}:{b['path']}"
    ek = {(e["source"], e["path"]): e for e in exp}
    gk = {(g["source"], g["path"]): g for g in got}
    if len(ek) != len(exp) or len(gk) != len(got):
        errors.append("duplicate (source, path) keys")
    for k in sorted(set(ek) | set(gk)):
        if k not in ek or k not in gk:
            errors.append(f"row only in {'expected' if k in ek else 'crawl'}: {k}")
            continue
        for f in ek[k]:
            if ek[k][f] != gk[k][f]:
                errors.append(f"{k[1]} {f}: expected {ek[k][f]!r} crawled {gk[k][f]!r}")
    # reviews
    rexp = {r["source"]: r for r in json.load(open(f"{ROOT}/expected-reviews.json"))}
    for s in cfg["sources"]:
        if s["kind"] != "reviews":
            continue
        doc = parse(s["start"][0].replace("{{base}}", BASE))
        nodes = [json.loads(x.text) for x in doc.xpath('//script[@type="application/ld+json"]')]
        orgs = [n for n0 in nodes for n in (n0.get("@graph", [n0])) if n.get("@type") == "Organization"]
        o = orgs[0]
        best = o["aggregateRating"].get("bestRating", 5)
        e = rexp[s["name"]]
        revs = [{"author": r["author"]["name"] if isinstance(r["author"], dict) else r["author"],
                 "date": r["datePublished"],
                 "stars": round(r["reviewRating"]["ratingValue"] * 5 / r["reviewRating"].get("bestRating", 5), 2),
                 "language": r.get("inLanguage")} for r in o["review"]]
        g = {"source": s["name"], "path": urlparse(s["start"][0].replace("{{base}}", BASE)).path, "employer": s["employer"],
             "review_count": o["aggregateRating"]["reviewCount"],
             "rating": round(o["aggregateRating"]["ratingValue"] * 5 / best, 2), "best_rating": best, "reviews": revs}
        if len(revs) != g["review_count"]:
            errors.append(f"{s['name']}: reviewCount != reviews on page")
        if g != e:
            errors.append(f"{s['name']}: expected {e} got {g}")
        print(f"{s['name']}: {len(revs)} reviews, {g['rating']}/5")
    # cp1252
    b = open(f"{ROOT}/boards/serviceclientpro/legacy.html", "rb").read()
    try:
        b.decode("utf-8")
        errors.append("legacy.html is valid UTF-8")
    except UnicodeDecodeError:
        pass
    t = b.decode("cp1252")
    for ch in "éèàçôœ€’":
        if ch not in t:
            errors.append(f"legacy.html lacks {ch}")
    for ch, byte in [("€", b"\x80"), ("œ", b"\x9c"), ("’", b"\x92"), ("é", b"\xe9")]:
        if byte not in b:
            errors.append(f"legacy.html lacks cp1252 byte for {ch}")
    if 'charset=windows-1252' not in t:
        errors.append("no windows-1252 meta")
    # all linked local pages exist
    for dp, _, fs in os.walk(ROOT):
        for f in fs:
            if f.endswith(".html"):
                url = BASE + "/" + os.path.relpath(os.path.join(dp, f), ROOT)
                for el, attr, link, _ in parse(url).iterlinks():
                    if attr == "href" and not link.startswith("http"):
                        u = urljoin(url, link)
                        try:
                            fetch(u)
                        except FileNotFoundError:
                            errors.append(f"broken link {link} in {url}")
    distinct = len(got) - sum(1 for g in got if g["cross_posted_with"]) // 2
    emps = {canon(g["employer"], emp) for g in got}
    print(f"offer rows {len(got)}, distinct offers {distinct}, employers {len(emps)}: {sorted(emps)}")
    print("\n".join(errors) if errors else "ALL OK")
    sys.exit(1 if errors else 0)


main()
