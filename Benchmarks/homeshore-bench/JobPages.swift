/// Generated job-board pages: French text, fictional employers, inline styles and scripts like real boards.
///
/// Listing pages carry about 20 `li.job-card` items; detail pages carry a JSON-LD JobPosting with a distinct
/// identifier. The same seed always gives the same pages.
enum JobPages {
    static let titles = [
        "Conseiller clientèle à distance", "Téléconseiller H/F", "Assistant administratif", "Chargé de recrutement",
        "Développeur iOS Swift", "Comptable fournisseurs", "Agent d'accueil téléphonique", "Gestionnaire de paie",
        "Technicien support niveau 2", "Commercial sédentaire", "Aide à domicile", "Infirmier coordinateur",
        "Chef de projet digital", "Data analyst junior", "Assistante de direction", "Opérateur de saisie",
        "Conseiller en assurance", "Responsable service client", "Télévendeur B2B", "Chargé de facturation",
    ]
    static let employers = [
        "Domicall", "Vocalia Services", "Relais Client Express", "Assistéo", "CallHome Partners", "Azurel Conseil",
        "Brivance SAS", "Lumeo Santé", "Quadrille Informatique", "Norvent Assurances", "Pivoine & Fils",
        "Solvéa Groupe", "Hexaline", "Marbrière du Sud", "Cordelia RH",
    ]
    static let cities: [(String, String)] = [
        ("Paris", "75011"), ("Lyon", "69003"), ("Marseille", "13008"), ("Toulouse", "31000"), ("Nantes", "44000"),
        ("Lille", "59000"), ("Bordeaux", "33000"), ("Rennes", "35000"), ("Strasbourg", "67000"), ("Montpellier", "34000"),
        ("Grenoble", "38000"), ("Dijon", "21000"), ("Angers", "49000"), ("Reims", "51100"), ("Brest", "29200"),
    ]
    static let contracts = ["CDI", "CDD", "Intérim", "Alternance", "Stage", "Freelance"]
    static let remote = ["Télétravail complet", "Télétravail partiel", "Sur site", "Hybride (2 jours sur site)"]
    static let sentences = [
        "Vous rejoignez une équipe dynamique et bienveillante au cœur de notre centre de relation client.",
        "Vous accompagnez nos clients par téléphone et par courriel, avec écoute et réactivité.",
        "Une première expérience réussie dans un poste similaire est appréciée, les débutants sont les bienvenus.",
        "Nous vous formons à nos outils pendant les deux premières semaines, rémunérées.",
        "Le poste est ouvert au télétravail après la période d'intégration, matériel fourni.",
        "Vous maîtrisez la langue française à l'écrit comme à l'oral et savez garder votre calme.",
        "Mutuelle d'entreprise, tickets restaurant, prime d'intéressement et 25 jours de congés payés.",
        "Horaires du lundi au vendredi entre 8h et 19h, aucun travail le week-end.",
        "Vous traitez les demandes de facturation et assurez le suivi des dossiers jusqu'à leur résolution.",
        "Rémunération selon profil, de 1 900 € à 2 300 € brut par mois, plus primes sur objectifs.",
        "Notre société, fondée en 2009, compte aujourd'hui plus de 400 collaborateurs en France.",
        "Rigoureux, organisé et doté d'un bon relationnel, vous aimez le travail en équipe.",
    ]

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static func jsonEscape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/": out += "\\/"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    static func paragraph(_ rng: inout SeededRandom, sentences count: Int) -> String {
        (0..<count).map { _ in rng.pick(sentences) }.joined(separator: " ")
    }

    /// A stylesheet of roughly `bytes` bytes.
    static func style(_ rng: inout SeededRandom, bytes: Int) -> String {
        var css = "<style>\n"
        var n = 0
        while css.utf8.count < bytes {
            n += 1
            css += ".c\(n)-\(rng.int(100...999)) .job-card > a:hover, .btn-\(n)[data-x=\"\(n)\"]{margin:0 \(rng.int(1...24))px;"
                + "color:#\(String(rng.int(0x100000...0xFFFFFF), radix: 16));font:400 14px/1.4 'Inter',sans-serif}\n"
            if n % 7 == 0 { css += "@media (max-width:\(rng.int(320...1280))px){.grid-\(n){display:none}}\n" }
        }
        return css + "</style>\n"
    }

    /// An inline script of roughly `bytes` bytes, with `<` and `>` in it as real code has.
    static func script(_ rng: inout SeededRandom, bytes: Int) -> String {
        var js = "<script>\n(function(w,d){var q=w.dataLayer=w.dataLayer||[];\n"
        var n = 0
        while js.utf8.count < bytes {
            n += 1
            js += "function f\(n)(a,b){if(a<b&&b>\(rng.int(0...99))){return d.querySelector('.job-card[data-id=\"'+a+'\"]')}"
                + "for(var i=0;i<a.length;i++){q.push({event:'view_\(n)',id:a[i],t:Date.now()})}return null}\n"
            if n % 5 == 0 { js += "w.__STATE__\(n)={\"page\":\(n),\"html\":\"<div class=\\\"x\\\">\(n)</div>\"};\n" }
        }
        return js + "})(window,document);\n</script>\n"
    }

    static func head(_ rng: inout SeededRandom, title: String, extra: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) - EmploiFictif</title>
        <link rel="stylesheet" href="/static/app.\(rng.int(10000...99999)).css">
        <script async src="https://analytics.example/tag.js"></script>
        \(extra)
        """
    }

    static let header = """
        </head><body class="page">
        <header class="site-header"><nav><a href="/" class="logo">EmploiFictif</a>
        <ul class="menu"><li><a href="/offres">Offres</a></li><li><a href="/entreprises">Entreprises</a></li>
        <li><a href="/conseils">Conseils</a></li><li><a href="/connexion" class="btn">Connexion</a></li></ul></nav></header>

        """

    static let footer = """
        <footer class="site-footer"><p>&copy; 2026 EmploiFictif &mdash; site de démonstration.</p>
        <ul><li><a href="/mentions-legales">Mentions légales</a></li><li><a href="/cookies">Cookies</a></li></ul></footer>

        """

    /// Fills a page up to `size` bytes with inline scripts and styles, then closes it.
    static func finish(_ page: String, _ rng: inout SeededRandom, size: Int) -> String {
        var page = page + footer
        let missing = size - page.utf8.count - 40
        if missing > 200 {
            let styleBytes = missing / 4
            page += style(&rng, bytes: styleBytes)
            page += script(&rng, bytes: missing - styleBytes)
        }
        return page + "</body></html>\n"
    }

    /// A listing page with `items` offers.
    static func listing(page number: Int, items: Int, size: Int, rng: inout SeededRandom) -> String {
        var page = head(&rng, title: "Offres d'emploi page \(number)") + header
        page += "<main id=\"results\"><h1>\(items * 37 + number) offres d'emploi</h1>\n<ul class=\"job-list\">\n"
        for i in 0..<items {
            let id = number * 1000 + i
            let (city, cp) = rng.pick(cities)
            page += """
                <li class="job-card" data-id="\(id)"><h2><a class="job-title" href="/offres/\(id).html">\(escape(rng.pick(titles)))</a></h2>
                <p class="company">\(escape(rng.pick(employers)))</p><p class="city">\(city) (\(cp))</p>
                <span class="contract">\(rng.pick(contracts))</span> <span class="remote">\(rng.pick(remote))</span>
                <p class="snippet">\(escape(paragraph(&rng, sentences: 2)))</p><time datetime="2026-0\(rng.int(1...9))-1\(rng.int(0...9))">il y a \(rng.int(1...9)) jours</time></li>

                """
        }
        page += "</ul>\n<a rel=\"next\" href=\"/offres?page=\(number + 1)\">Suivant</a></main>\n"
        return finish(page, &rng, size: size)
    }

    /// A detail page whose JSON-LD JobPosting has identifier `id`.
    static func detail(id: Int, size: Int, rng: inout SeededRandom) -> String {
        let title = rng.pick(titles)
        let employer = rng.pick(employers)
        let (city, cp) = rng.pick(cities)
        let contract = rng.pick(contracts)
        let description = (0..<4).map { _ in "<p>\(escape(paragraph(&rng, sentences: 3)))</p>" }.joined()
            + "<ul><li>\(escape(rng.pick(sentences)))</li><li>\(escape(rng.pick(sentences)))</li></ul>"
        let low = rng.int(19...30) * 1000
        let jsonld = """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"JobPosting","title":"\(jsonEscape(title))",
            "identifier":{"@type":"PropertyValue","name":"EmploiFictif","value":"EF-\(id)"},
            "url":"/offres/\(id).html","datePosted":"2026-0\(rng.int(1...9))-1\(rng.int(0...9))T08:00:00+01:00",
            "validThrough":"2026-12-31","employmentType":"\(contract == "CDI" ? "FULL_TIME" : "TEMPORARY")",
            "hiringOrganization":{"@type":"Organization","name":"\(jsonEscape(employer))"},
            "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"\(city)","postalCode":"\(cp)","addressCountry":"FR"}},
            "baseSalary":{"@type":"MonetaryAmount","currency":"EUR","value":{"@type":"QuantitativeValue","minValue":\(low),"maxValue":\(low + 4000),"unitText":"YEAR"}},
            "description":"\(jsonEscape(description))"}
            </script>

            """
        var page = head(&rng, title: title, extra: jsonld) + header
        page += """
            <main class="offer"><article class="job-detail" data-id="\(id)"><h1>\(escape(title))</h1>
            <p class="company">\(escape(employer))</p><p class="city">\(city) (\(cp))</p><span class="contract">\(contract)</span>
            <div class="job-description">\(description)</div>
            <a class="btn apply" href="/postuler/\(id)">Postuler</a></article>
            <aside class="similar"><h2>Offres similaires</h2><ul>

            """
        for _ in 0..<8 {
            let other = rng.int(1...999_999)
            page += "<li><a href=\"/offres/\(other).html\">\(escape(rng.pick(titles)))</a> &middot; \(rng.pick(cities).0)</li>\n"
        }
        page += "</ul></aside></main>\n"
        return finish(page, &rng, size: size)
    }
}
