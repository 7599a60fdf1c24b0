#!/usr/bin/env python3
"""Generates Sources/HomeshoreKit/Resources/DemoSites (pages + expected-*.json)."""
import json, os, shutil, html
from data import *
from reviews import REVIEWS

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "HomeshoreKit", "Resources", "DemoSites")
esc = html.escape
expected = []


def write(rel, text, encoding="utf-8"):
    p = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(text.encode(encoding))


def desc_html(o):
    en = o.get("lang") == "en"
    lis = "".join(f"<li>{esc(m)}</li>" for m in o["missions"])
    remote = o.get("remote_text", REMOTE_PHRASE[o["remote"]])
    equip = o.get("equip_text", EQUIP_FULL) if o.get("equip") else ""
    parts = [f"<p>{esc(o['intro'])}</p>",
             f"<p><strong>{'Your tasks:' if en else 'Vos missions :'}</strong></p><ul>{lis}</ul>",
             f"<p><strong>{'Conditions:' if en else 'Conditions :'}</strong><br>{esc(o['hours'])}<br>"
             f"{esc(o['pay'])}<br>{esc(o['training'])}</p>"]
    if remote:
        parts.append(f"<p>{esc(remote)}</p>")
    if equip:
        parts.append(f"<p>{esc(equip)}</p>")
    return "\n".join(parts)


def start40(o):
    assert len(o["intro"]) > 40, o["intro"]
    return o["intro"][:40]


UNIT = {"hour": "HOUR", "day": "DAY", "month": "MONTH", "year": "YEAR"}


def salary_ld(sal, as_str=False):
    lo, hi, per = sal
    num = (lambda v: str(v)) if as_str else (lambda v: int(v) if float(v).is_integer() else v)
    if lo == hi:
        val = {"@type": "QuantitativeValue", "value": num(lo), "unitText": UNIT[per]}
    else:
        val = {"@type": "QuantitativeValue", "minValue": num(lo), "maxValue": num(hi), "unitText": UNIT[per]}
    return {"@type": "MonetaryAmount", "currency": "EUR", "value": val}


def jobposting(o, board, org=None, url=None, idname=None):
    jp = {"@context": "https://schema.org/", "@type": "JobPosting", "title": o["title"],
          "description": desc_html(o)}
    if o.get("id"):
        jp["identifier"] = {"@type": "PropertyValue", "name": idname or board, "value": o["id"]}
    jp["datePosted"] = o.get("dt", o["posted"])
    if o.get("valid"):
        jp["validThrough"] = o["valid"] + "T23:59:00+01:00"
    jp["employmentType"] = o["et"][0] if len(o["et"]) == 1 else o["et"]
    jp["hiringOrganization"] = org or {"@type": "Organization", "name": o["employer"],
                                       "sameAs": ORGS.get(canon(o["employer"]))}
    if not o.get("noloc"):
        jp["jobLocation"] = {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": o["town"], "postalCode": TOWNS[o["town"]],
            "addressRegion": "", "addressCountry": "FR"}}
        del jp["jobLocation"]["address"]["addressRegion"]
    if o.get("tele"):
        jp["jobLocationType"] = "TELECOMMUTE"
        jp["applicantLocationRequirements"] = {"@type": "Country", "name": "France"}
    if o.get("salary"):
        jp["baseSalary"] = salary_ld(o["salary"], o.get("strsal"))
    if url:
        jp["url"] = url
    return jp


ALIASES = {"Domicall": ["Domicall SAS", "DOMICALL SAS", "DOMICALL"],
           "Vocalia Services": ["VOCALIA SERVICES", "Vocalia"],
           "Relais Client Express": ["Relais Client Express SAS", "RCE"],
           "Assistéo": ["Assisteo", "ASSISTEO", "ASSISTEO SAS"],
           "CallHome Partners": ["Callhome Partners SARL", "CALLHOME PARTNERS"]}


def canon(name):
    for k, v in ALIASES.items():
        if name == k or name in v:
            return k
    return name


def ldscript(obj, ascii=False):
    s = json.dumps(obj, ensure_ascii=ascii, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{s}\n</script>'


def row(source, path, o, **kw):
    r = {"source": source, "path": path, "id": o.get("id"), "title": o["title"], "employer": o["employer"],
         "location": o["town"], "postal_code": None if o.get("noloc") else TOWNS[o["town"]],
         "remote": o["remote"], "employment_type": o.get("et", []), "contract": o.get("contract"),
         "salary_min": None, "salary_max": None, "salary_period": None, "currency": None,
         "posted": o["posted"], "valid_through": o.get("valid"),
         "description_start": start40(o) if "intro" in o else o["desc"][:40],
         "cross_posted_with": o.get("cross")}
    if o.get("salary"):
        r["salary_min"], r["salary_max"], r["salary_period"] = o["salary"]
        r["currency"] = "EUR"
    r.update(kw)
    expected.append(r)


FR_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]


def frdate(d):
    y, m, dd = d.split("-")
    return f"{int(dd)} {FR_MONTHS[int(m) - 1]} {y}"


def page(title, body, head_extra="", charset='<meta charset="utf-8">', lang="fr"):
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n{charset}\n<title>{esc(title)}</title>\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{head_extra}</head>\n'
            f'<body>\n{body}\n</body>\n</html>\n')


# ------------------------------------------------------------------ TeleJobs
def telejobs():
    pages = [TELEJOBS[0:6], TELEJOBS[6:12], TELEJOBS[12:18]]
    names = ["search.html", "search-2.html", "search-3.html"]
    for i, offers in enumerate(pages):
        items = []
        for o in offers:
            ltitle = o.get("list_title", o["title"])
            if o["id"] == "TJ-1004":  # whitespace inside the title, collapsed by the crawler
                ltitle = "Conseiller client\n            en télétravail (F/H)"
            else:
                ltitle = esc(ltitle)
            num = o["id"].split("-")[1]
            dept = TOWNS[o["town"]][:2]
            items.append(f'''  <li class="offer-card" data-offer-id="{o['id']}">
    <h3><a class="offer-title" href="offers/tj-{num}.html?utm_source=list&amp;utm_medium=web">{ltitle if o['id']=='TJ-1004' else ltitle}</a></h3>
    <p class="offer-meta"><span class="company">{esc(o.get('list_employer', o['employer']))}</span> · <span class="city">{esc(o['town'])}</span> <span class="dept">({dept})</span></p>
    <p><span class="contract">{esc(o['contract'])}</span> <time datetime="{o['posted']}">{frdate(o['posted'])}</time></p>
  </li>''')
        nav = []
        if i > 0:
            nav.append(f'<a rel="prev" href="{names[i-1]}">Page précédente</a>')
        nav.append(f'<span class="current">Page {i+1} / 3</span>')
        if i < 2:
            nav.append(f'<a rel="next" href="{names[i+1]}">Page suivante</a>')
        body = f'''<header class="site"><a href="../../index.html">TeleJobs</a> — les offres de télétravail en relation client</header>
<main>
<h1>Offres « service client à domicile » — {len(TELEJOBS)} résultats</h1>
<form class="search"><input name="q" value="téléconseiller"><button>Rechercher</button></form>
<ul class="offers">
{chr(10).join(items)}
</ul>
<nav class="pagination">{' '.join(nav)}</nav>
</main>
<footer><a href="/private/admin.html">Espace recruteur</a></footer>'''
        write(f"boards/telejobs/{names[i]}", page(f"TeleJobs — recherche page {i+1}", body))
    for o in TELEJOBS:
        num = o["id"].split("-")[1]
        path = f"/boards/telejobs/offers/tj-{num}.html"
        has_ld = o.get("jsonld", True)
        head = ldscript(jobposting(o, "TeleJobs"), ascii=o.get("ascii", False)) + "\n" if has_ld else ""
        if has_ld:
            sal = ""
            meta = f'<li class="job-pay">{esc(o["pay"])}</li>'
        else:
            sal = f'<p>Rémunération : <span class="salary">{esc(o["salary_text"])}</span></p>' if o.get("salary_text") else ""
            meta = ""
        body = f'''<header class="site"><a href="../search.html">TeleJobs</a></header>
<main class="job">
<h1 class="job-title">{esc(o['title'])}</h1>
<div class="job-company">{esc(o['employer'])}</div>
<ul class="job-meta"><li>{esc(o['town'])}</li><li>{esc(o['contract'])}</li>{meta}</ul>
{sal}
<div class="job-description">
{desc_html(o)}
</div>
<a class="apply" href="/private/apply.html?offer={o['id']}">Postuler</a>
</main>'''
        write(f"boards/telejobs/offers/tj-{num}.html", page(o["title"] + " — TeleJobs", body, head, lang=o.get("lang", "fr")))
        kw = {}
        if not has_ld:
            kw = dict(employment_type=[], valid_through=None, postal_code=None)
        row("telejobs", path, o, **kw)


# ------------------------------------------------------------------ EmploiDomicile
PUBLISHER = {"@type": "Organization", "@id": "https://emploidomicile.example/#publisher",
             "name": "EmploiDomicile", "url": "https://emploidomicile.example/"}


def emploidomicile():
    pages = [EMPLOIDOMICILE[:6], EMPLOIDOMICILE[6:]]
    names = ["index.html", "page2.html"]
    for i, offers in enumerate(pages):
        arts = []
        for k, o in enumerate(offers):
            badge = f' – <span class="teletravail">{esc(o["remote_badge"])}</span>' if o.get("remote_badge") else ""
            arts.append(f'''<article class="job" data-ref="{o['id']}">
  <h2><a class="lien-annonce" href="annonces/{o['slug']}.html{esc(o['query'])}">{esc(o['title'])}</a></h2>
  <p class="entreprise">{esc(o['employer'])}</p>
  <p class="infos"><span class="lieu" data-cp="{TOWNS[o['town']]}">{esc(o['town'])}</span> – <span class="type-contrat">{esc(o['contract'])}</span>{badge}</p>
  <time datetime="{o['posted']}">Publiée le {frdate(o['posted'])}</time>
</article>''')
            if k == 2:
                arts.append('<article class="pub sponsor"><p>Annonce sponsorisée : formez-vous au métier de téléconseiller !</p></article>')
        nav = (f'<a class="pagination-next" href="{names[1]}">Suivant</a>' if i == 0
               else f'<a class="pagination-prev" href="{names[0]}">Précédent</a>')
        body = f'''<div class="top"><a href="../../index.html">EmploiDomicile</a> – l’emploi à domicile et en télétravail</div>
<h1>Annonces relation client à domicile</h1>
<div id="results">
{chr(10).join(arts)}
</div>
<div class="pagination">{nav}</div>'''
        write(f"boards/emploidomicile/{names[i]}", page(f"EmploiDomicile – page {i+1}", body))
    for o in EMPLOIDOMICILE:
        path = f"/boards/emploidomicile/annonces/{o['slug']}.html"
        crumbs = {"@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Accueil", "item": "https://emploidomicile.example/"},
            {"@type": "ListItem", "position": 2, "name": "Relation client", "item": "https://emploidomicile.example/relation-client/"},
            {"@type": "ListItem", "position": 3, "name": o["title"]}]}
        mode = o["mode"]
        if mode == "malformed":
            head = ('<script type="application/ld+json">\n{\n  "@context": "https://schema.org",\n  "@type": "JobPosting",\n'
                    f'  "title": "{o["title"]}",\n  "datePosted": "{o["posted"]}",\n'
                    f'  "hiringOrganization": {{"@type": "Organization", "name": "{o["employer"]}",}},\n'
                    '  "description": "<p>Nova Relation Client recrute des chargés de clientèle\n</script>\n')
        elif mode == "array":
            jp = jobposting(o, "EmploiDomicile")
            del jp["@context"]
            head = ldscript([dict(jp, **{"@context": "https://schema.org"}), dict(crumbs, **{"@context": "https://schema.org"})]) + "\n"
        else:
            jp = jobposting(o, "EmploiDomicile")
            del jp["@context"]
            graph = [PUBLISHER]
            if mode == "graphref":
                emp = {"@type": "Organization", "@id": f"https://emploidomicile.example/entreprises/{o['id'].lower()}#org",
                       "name": o["employer"], "sameAs": ORGS[canon(o["employer"])]}
                graph.append(emp)
                jp["hiringOrganization"] = {"@id": emp["@id"]}
            graph += [crumbs, jp]
            head = ldscript({"@context": "https://schema.org", "@graph": graph}) + "\n"
        sal = f'<dt>Salaire</dt><dd class="salaire">{esc(o["salary_text"])}</dd>' if o.get("salary_text") else ""
        body = f'''<div class="top"><a href="../index.html">EmploiDomicile</a></div>
<nav class="ariane"><a href="../index.html">Accueil</a> › Relation client › {esc(o['title'])}</nav>
<h1 class="annonce-titre">{esc(o['title'])}</h1>
<p class="annonce-entreprise">{esc(o['employer'])}</p>
<dl class="resume"><dt>Lieu</dt><dd class="lieu">{esc(o['town'])}</dd><dt>Code postal</dt><dd class="code-postal">{TOWNS[o['town']]}</dd><dt>Contrat</dt><dd class="contrat">{esc(o['contract'])}</dd>{sal}<dt>Publiée le</dt><dd class="date">{frdate(o['posted'])}</dd></dl>
<div class="annonce-texte">
{desc_html(o)}
</div>
<p><a class="postuler" href="/private/postuler.html?ref={o['id']}">Je postule</a></p>'''
        write(f"boards/emploidomicile/annonces/{o['slug']}.html", page(o["title"], body, head))
        row("emploidomicile", path, o)


# ------------------------------------------------------------------ ServiceClientPro
def serviceclientpro():
    scripts, cards, itemlist = [], [], []
    for n, o in enumerate(SCP):
        f = o.get("file") or o["id"].lower()
        url = f"/boards/serviceclientpro/offres/{f}.html" + ("?utm_source=jsonld&utm_medium=itemlist" if n == 2 else "")
        jp = jobposting(o, "ServiceClientPro", url=url)
        o["contract"] = None
        if o["where"] == "itemlist":
            del jp["@context"]
            itemlist.append({"@type": "ListItem", "position": len(itemlist) + 1, "item": jp})
        else:
            scripts.append(ldscript(jp))
        cards.append(f'<div class="carte"><a href="{esc(url)}">{esc(o["title"])}</a><br>{esc(o["employer"])} – {esc(o["town"])}</div>')
        write(f"boards/serviceclientpro/offres/{f}.html",
              page(o["title"], f'<h1>{esc(o["title"])}</h1>\n<p>{esc(o["employer"])} – {esc(o["town"])}</p>\n{desc_html(o)}',
                   ldscript(dict(jobposting(o, "ServiceClientPro"))) + "\n"))
        row("serviceclientpro", f"/boards/serviceclientpro/offres/{f}.html", o)
    website = {"@context": "https://schema.org", "@type": "WebSite", "name": "ServiceClientPro",
               "url": "https://serviceclientpro.example/",
               "potentialAction": {"@type": "SearchAction", "target": "https://serviceclientpro.example/?q={q}",
                                   "query-input": "required name=q"}}
    il = {"@context": "https://schema.org", "@type": "ItemList", "name": "Dernières offres", "itemListElement": itemlist}
    head = ldscript(website) + "\n" + ldscript(il) + "\n" + "\n".join(scripts) + "\n"
    body = f'''<h1>ServiceClientPro — dernières offres</h1>
<p>Les offres sont chargées dynamiquement (JavaScript). Version sans script : <a href="legacy.html">ancienne liste</a>, <a href="broken.html">liste partenaires</a>.</p>
<div id="app" data-loaded="false">
{chr(10).join(cards)}
</div>
<script>/* app bundle would render cards here */</script>'''
    write("boards/serviceclientpro/index.html", page("ServiceClientPro", body, head))


def legacy():
    rows = []
    for o in LEGACY:
        d, m, y = o["posted"].split("-")[2], o["posted"].split("-")[1], o["posted"].split("-")[0]
        rows.append(f'''<tr class="job">
<td class="date">{d}/{m}/{y}</td>
<td class="intitule"><a href="offres/{o['file']}.html">{esc(o['title'])}</a></td>
<td class="societe">{esc(o['employer'])}</td>
<td class="ville">{esc(o['town'])}</td>
<td class="contrat">{esc(o['contract'])}</td>
<td class="salaire">{esc(o['salary_text'])}</td>
<td class="description">{esc(o['desc'])}</td>
</tr>''')
        write(f"boards/serviceclientpro/offres/{o['file']}.html",
              page(o["title"], f'<h1>{esc(o["title"])}</h1>\n<p>{esc(o["employer"])} – {esc(o["town"])}</p>\n<p>{esc(o["desc"])}</p>'))
        row("serviceclientpro-legacy", f"/boards/serviceclientpro/offres/{o['file']}.html", o,
            id=None, postal_code=None, employment_type=[], valid_through=None)
    text = f'''<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>ServiceClientPro – offres d’emploi (ancienne version)</title>
</head>
<body bgcolor="#ffffff">
<h1>Offres d’emploi – relation client à distance</h1>
<p>Mise à jour : 28/11/2026 – 3 offres. Coût de l’annonce : 0 € pour les candidats, bien sûr !</p>
<table class="jobs" border="1" cellpadding="4">
<tr><th>Date</th><th>Intitulé</th><th>Société</th><th>Ville</th><th>Contrat</th><th>Rémunération</th><th>Descriptif</th></tr>
{chr(10).join(rows)}
</table>
<p><font size="1">© ServiceClientPro – tous droits réservés</font></p>
</body>
</html>
'''
    write("boards/serviceclientpro/legacy.html", text, encoding="cp1252")


def broken():
    lis = []
    for n, o in enumerate(BROKEN):
        sal = o["salary_text"] or "Non communiqué"
        lis.append(f'''<li class=offre data-id={o['id']}>
<a class=titre href=offres/{o['file']}.html?xtor=AL-{o['file'][-3:]}&amp;utm_source=partenaire>{esc(o['title'])}</a>
<div class=details>
<span class=societe>{esc(o['employer'])}</span> — <span class=ville>{esc(o['town'])}</span></td>
<span class=contrat>{esc(o['contract'])}</span> <span class=salaire>{esc(sal)}</span>
<time datetime={o['posted']}>{frdate(o['posted'])}</time>
<p class=desc>{esc(o['desc'])}''')
        write(f"boards/serviceclientpro/offres/{o['file']}.html",
              page(o["title"], f'<h1>{esc(o["title"])}</h1>\n<p>{esc(o["employer"])} – {esc(o["town"])}</p>\n<p>{esc(o["desc"])}</p>'))
        row("serviceclientpro-broken", f"/boards/serviceclientpro/offres/{o['file']}.html", o,
            postal_code=None, employment_type=[], valid_through=None)
    text = f'''<html>
<head>
<meta charset=utf-8>
<title>Offres partenaires – ServiceClientPro</title>
<body>
<div class=wrapper>
<h1>Offres de nos partenaires</h1>
<table><tr><td>Filtrer :</td><td><a href=broken.html?tri=date>par date</a></tr></table>
<ul class=offres>
{chr(10).join(lis)}
</ul>
</div></div>
<p class=footer>Flux partenaires mis à jour chaque nuit
'''
    write("boards/serviceclientpro/broken.html", text)


# ------------------------------------------------------------------ reviews
def reviews():
    exp = []
    for r in REVIEWS:
        best = r["best"]
        vals = [v["rating"] for v in r["reviews"]]
        agg = round(sum(vals) / len(vals), 1)
        revs = []
        for v in r["reviews"]:
            author = {"@type": "Person", "name": v["author"]} if not v.get("author_str") else v["author"]
            rr = {"@type": "Rating", "ratingValue": v["rating"], "bestRating": best}
            if best == 5:
                rr["worstRating"] = 1
            revs.append({"@type": "Review", "author": author, "datePublished": v["date"], "name": v["name"],
                         "reviewBody": v["body"], "inLanguage": v["lang"], "reviewRating": rr})
        org = {"@type": "Organization", "name": r["employer"], "url": ORGS[r["employer"]],
               "aggregateRating": {"@type": "AggregateRating", "ratingValue": agg, "reviewCount": len(vals),
                                   "bestRating": best},
               "review": revs}
        if r.get("graph"):
            ld = {"@context": "https://schema.org", "@graph": [
                {"@type": "WebPage", "name": f"Avis {r['employer']}", "url": f"https://avis-teletravail.example/{r['slug']}"}, org]}
        else:
            ld = dict({"@context": "https://schema.org"}, **org)
        cards = []
        for v in r["reviews"]:
            cards.append(f'''<article class="avis" lang="{v['lang']}">
  <h3>{esc(v['name'])}</h3>
  <p class="note">{v['rating']} / {best}</p>
  <p class="auteur">{esc(v['author'])} – <time datetime="{v['date']}">{frdate(v['date'])}</time></p>
  <p>{esc(v['body'])}</p>
</article>''')
        body = f'''<header><a href="../index.html">Avis Télétravail</a> – les avis des conseillers à domicile</header>
<h1>Avis sur {esc(r['employer'])}</h1>
<p class="synthese">Note moyenne : {agg} / {best} ({len(vals)} avis)</p>
{chr(10).join(cards)}'''
        write(f"reviews/{r['slug']}.html", page(f"Avis {r['employer']}", body, ldscript(ld) + "\n"))
        exp.append({"source": f"reviews-{r['slug']}", "path": f"/reviews/{r['slug']}.html", "employer": r["employer"],
                    "review_count": len(vals), "rating": round(agg * 5 / best, 2), "best_rating": best,
                    "reviews": [{"author": v["author"], "date": v["date"], "stars": round(v["rating"] * 5 / best, 2),
                                 "language": v["lang"]} for v in r["reviews"]]})
    return exp


def main():
    for name in os.listdir(OUT):
        if name in (".gitkeep",):
            continue
        p = os.path.join(OUT, name)
        shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    telejobs(); emploidomicile(); serviceclientpro(); legacy(); broken()
    rexp = reviews()
    write("robots.txt", "# Homeshore demo sites\nUser-agent: *\nDisallow: /private/\n")
    write("private/admin.html", page("Espace privé", "<h1>Accès réservé</h1><p>Cette page ne doit pas être explorée.</p>"))
    write("private/apply.html", page("Candidature", "<h1>Candidature</h1>"))
    write("private/postuler.html", page("Candidature", "<h1>Candidature</h1>"))
    idx = '''<h1>Homeshore – sites de démonstration</h1>
<p>Sites fictifs : toutes les entreprises, personnes et offres sont inventées.</p>
<h2>Sites d’offres</h2>
<ul>
<li><a href="boards/telejobs/search.html">TeleJobs</a></li>
<li><a href="boards/emploidomicile/index.html">EmploiDomicile</a></li>
<li><a href="boards/serviceclientpro/">ServiceClientPro</a> (<a href="boards/serviceclientpro/legacy.html">ancienne liste</a>, <a href="boards/serviceclientpro/broken.html">offres partenaires</a>)</li>
</ul>
<h2>Avis employeurs</h2>
<ul>
''' + "\n".join(f'<li><a href="reviews/{r["slug"]}.html">{esc(r["employer"])}</a></li>' for r in REVIEWS) + "\n</ul>"
    write("index.html", page("Homeshore – démo", idx))
    shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "demo-sources.yaml"), OUT)
    write("expected-offers.json", json.dumps(expected, ensure_ascii=False, indent=2) + "\n")
    write("expected-reviews.json", json.dumps(rexp, ensure_ascii=False, indent=2) + "\n")
    print(len(expected), "offer rows;", sum(len(r["reviews"]) for r in rexp), "reviews")


if __name__ == "__main__":
    main()
