/// A seeded generator of realistic homeshoring offers and of their copies on other boards (for measuring grouping
/// and for benchmarks): titles rewritten the way boards rewrite them, employer names with legal forms and in capitals,
/// descriptions trimmed or partly rewritten, reposts with new dates, tracking arguments in URLs. Every employer is
/// fictional; towns are real French towns.
public struct SyntheticOffers {
    /// One job as its employer means it; boards publish copies of it.
    public struct Job: Sendable {
        public var number: Int
        var employer: Int
        var town: Int
        var family: Int
        var sector: Int
        var contract: String
        var partTime: Bool
        var pay: Double
        var payPeriod: String
        var missions: [Int]
        var posted: Int
    }

    struct Family {
        var titles: [String]
        var role: String
        var missions: [String]
    }

    static let prefixes = ["Domi", "Voca", "Appel", "Parlo", "Teli", "Ecout", "Relai", "Clien", "Asist", "Hexa",
        "Nova", "Azur", "Solea", "Orvi", "Kalio", "Mira", "Velo", "Tessa", "Lumo", "Quali"]
    static let suffixes = ["call", "lia Services", "desk", "phone Conseil", "voix", "line Partners", "com",
        "contact", "relais", "plus", "home Services", "tel", "dia", "vox", "ria Relation Client"]
    static let towns: [(String, String)] = [
        ("Lille", "59000"), ("Amiens", "80000"), ("Bordeaux", "33000"), ("Rennes", "35000"), ("Marseille", "13001"),
        ("Toulouse", "31000"), ("Nantes", "44000"), ("Lyon", "69003"), ("Montpellier", "34000"),
        ("Poitiers", "86000"), ("Clermont-Ferrand", "63000"), ("Saint-Étienne", "42000"), ("Le Mans", "72000"),
        ("Limoges", "87000"), ("Niort", "79000"), ("Brest", "29200"), ("Angers", "49000"), ("Dijon", "21000"),
        ("Reims", "51100"), ("Perpignan", "66000"), ("Tours", "37000"), ("Caen", "14000"), ("Metz", "57000"),
        ("Nancy", "54000"), ("Rouen", "76000"), ("Orléans", "45000"), ("Grenoble", "38000"), ("Nîmes", "30000"),
        ("Pau", "64000"), ("Valence", "26000"),
    ]
    static let families: [Family] = [
        Family(titles: ["Conseiller client à domicile H/F", "Téléconseiller en télétravail (F/H)",
                        "Conseiller clientèle (H/F) - 100 % télétravail", "Téléconseiller / Téléconseillère à domicile"],
               role: "conseillers clients",
               missions: ["Répondre aux appels entrants des clients", "Traiter les demandes reçues par e-mail",
                          "Mettre à jour les dossiers dans l’outil de gestion", "Proposer les offres adaptées à chaque client",
                          "Suivre les réclamations jusqu’à leur résolution", "Orienter les demandes complexes vers le niveau 2"]),
        Family(titles: ["Conseiller SAV à domicile (H/F)", "Conseiller service après-vente en télétravail F/H",
                        "Conseiller SAV H/F - télétravail"],
               role: "conseillers service après-vente",
               missions: ["Diagnostiquer les pannes par téléphone", "Commander les pièces détachées",
                          "Organiser l’intervention des techniciens", "Suivre les retours produits",
                          "Rembourser ou échanger les produits défectueux"]),
        Family(titles: ["Chargé de prise de rendez-vous à domicile", "Prise de rendez-vous en télétravail (H/F)",
                        "Chargé(e) de prise de RDV H/F"],
               role: "chargés de prise de rendez-vous",
               missions: ["Appeler les prospects pour fixer des rendez-vous", "Tenir à jour les agendas des conseillers",
                          "Confirmer les rendez-vous la veille", "Qualifier les fichiers de contacts"]),
        Family(titles: ["Modérateur réseaux sociaux à domicile (H/F)", "Modérateur / Modératrice de contenus - télétravail"],
               role: "modérateurs",
               missions: ["Contrôler les contenus publiés", "Signaler les comptes frauduleux",
                          "Répondre aux messages des internautes", "Appliquer la charte de modération"]),
        Family(titles: ["Télévendeur à domicile (H/F)", "Télévendeur / Télévendeuse en télétravail"],
               role: "télévendeurs",
               missions: ["Appeler une base de clients existants", "Présenter les nouvelles offres",
                          "Conclure les ventes par téléphone", "Atteindre les objectifs hebdomadaires"]),
        Family(titles: ["Technicien support hotline à domicile", "Technicien / Technicienne support hotline (H/F)"],
               role: "techniciens hotline",
               missions: ["Diagnostiquer les incidents à distance", "Prendre la main sur les postes des utilisateurs",
                          "Rédiger les comptes rendus d’intervention", "Escalader les incidents critiques"]),
        Family(titles: ["Superviseur d’équipe à domicile", "Superviseur / Superviseuse d’équipe (H/F) télétravail"],
               role: "superviseurs",
               missions: ["Animer une équipe de téléconseillers", "Suivre les indicateurs qualité",
                          "Réaliser les doubles écoutes", "Former les nouveaux arrivants"]),
        Family(titles: ["Chargé de recouvrement amiable à domicile", "Chargé(e) de recouvrement amiable H/F"],
               role: "chargés de recouvrement",
               missions: ["Relancer les clients en retard de paiement", "Négocier des échéanciers",
                          "Mettre à jour les dossiers de recouvrement", "Traiter les litiges"]),
        Family(titles: ["Téléprospecteur B2B à domicile", "Téléprospecteur / Téléprospectrice B2B (H/F)"],
               role: "téléprospecteurs",
               missions: ["Prospecter des entreprises par téléphone", "Qualifier les besoins des prospects",
                          "Alimenter le CRM", "Décrocher des rendez-vous pour les commerciaux"]),
        Family(titles: ["Conseiller fidélisation à domicile (H/F)", "Conseiller(ère) fidélisation en télétravail"],
               role: "conseillers fidélisation",
               missions: ["Rappeler les clients ayant résilié", "Proposer des offres de fidélisation",
                          "Analyser les motifs de départ", "Mettre à jour les contrats"]),
    ]
    static let sectors = ["un fournisseur d’énergie", "un opérateur télécom", "une banque en ligne",
        "un assureur habitation", "une mutuelle santé", "un site de voyages", "un constructeur automobile",
        "un fabricant d’électroménager", "une plateforme de petites annonces", "un réseau de cabinets d’audioprothèse",
        "un distributeur de vélos électriques", "un éditeur de logiciels", "un grand quotidien régional",
        "une enseigne de bricolage", "un parc de loisirs", "un transporteur", "une chaîne d’hôtels",
        "un fournisseur d’accès internet", "un cabinet d’expertise comptable", "une marque de cosmétiques"]
    static let sectorDetails = ["factures et relevés de compteur", "pannes de box et de mobile", "virements et cartes bancaires",
        "déclarations de sinistre", "remboursements de soins", "réservations et annulations", "assistance dépannage",
        "garanties et réparations", "annonces et signalements", "appareillage auditif", "entretien des vélos",
        "licences et mises à jour", "abonnements et livraisons du journal", "commandes et retraits en magasin",
        "billets et pass annuels", "suivi des colis", "réservations de chambres", "raccordement à la fibre",
        "déclarations fiscales des clients", "commandes en ligne et retours"]
    static let boards = ["telejobs", "emploidomicile", "serviceclientpro", "jobfrance", "careers"]

    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return MinHasher.mix(state)
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }

    /// The number of fictional employers.
    public static var employerCount: Int { prefixes.count * suffixes.count }

    static func employerName(_ index: Int) -> String {
        prefixes[index % prefixes.count] + suffixes[index / prefixes.count % suffixes.count]
    }

    /// A new job of some employer (random when nil), in some town.
    public mutating func job(number: Int, employer: Int? = nil, town: Int? = nil, family: Int? = nil) -> Job {
        let family = family ?? int(Self.families.count)
        let missionCount = Self.families[family].missions.count
        var missions = Array(0..<missionCount)
        for i in stride(from: missions.count - 1, to: 0, by: -1) { missions.swapAt(i, int(i + 1)) }
        let hourly = chance(0.5)
        return Job(number: number, employer: employer ?? int(Self.employerCount), town: town ?? int(Self.towns.count),
            family: family, sector: int(Self.sectors.count), contract: ["CDI", "CDD", "Intérim", "Auto-entrepreneur"][int(4)],
            partTime: chance(0.3), pay: hourly ? 11.88 + Double(int(40)) * 0.1 : 1800 + Double(int(30)) * 20,
            payPeriod: hourly ? "heure" : "mois", missions: Array(missions.prefix(2 + int(2))), posted: int(60))
    }

    /// The employer's boilerplate: the same paragraphs under every one of its offers.
    static func boilerplate(_ employer: String) -> [String] {
        ["\(employer) est un acteur reconnu de la relation client externalisée depuis plus de quinze ans.",
         "Nous accompagnons des marques de premier plan sur tous les canaux : téléphone, e-mail, chat et réseaux sociaux.",
         "Rejoindre \(employer), c’est intégrer une communauté de conseillers qui travaillent depuis chez eux partout en France.",
         "Nous étudions toutes les candidatures, sans condition de diplôme ; seule compte votre qualité d’écoute.",
         "Équipement requis : ordinateur récent, casque USB avec micro et connexion fibre filaire."]
    }

    /// A copy of `job` as a board publishes it.
    /// - Parameters:
    ///   - job: the job.
    ///   - board: the board's name (the offer's source).
    ///   - rewrite: a copy written anew (another board's editor): other title, other words for the same facts.
    ///   - repost: the same text posted again, weeks later.
    public mutating func copy(of job: Job, board: String, rewrite: Bool = false, repost: Int = 0) -> Offer {
        let family = Self.families[job.family]
        let (town, postcode) = Self.towns[job.town]
        var name = Self.employerName(job.employer)
        switch int(5) {
        case 0: name = name.uppercased()
        case 1: name += " SAS"
        case 2: name += [" SARL", " Groupe", " Group"][int(3)]
        default: break
        }
        var offer = Offer(source: board, url: "https://\(board).example/offres/\(job.number)-\(int(1_000_000))?utm_source=\(board)&utm_medium=flux&ref=liste")
        offer.sourceID = "\(board.prefix(3).uppercased())-\(job.number)-\(next() % 100000)"
        offer.title = family.titles[int(family.titles.count)]
        offer.employer = name
        offer.location = chance(0.1) ? "\(town) (\(postcode.prefix(2)))" : town
        offer.postalCode = chance(0.7) ? postcode : nil
        offer.remote = "full"
        offer.contract = job.contract
        offer.employmentType = [job.partTime ? "PART_TIME" : "FULL_TIME"]
        offer.posted = String(format: "2026-%02d-%02d", 9 + (job.posted + repost) / 28, 1 + (job.posted + repost) % 28)
        let sector = Self.sectors[job.sector], detail = Self.sectorDetails[job.sector]
        let payText = job.payPeriod == "heure" ? String(format: "%.2f € brut de l’heure", job.pay)
            : String(format: "%.0f € brut par mois", job.pay)
        var specific: [String] = []
        if rewrite {
            specific.append("Pour \(sector), \(name) recherche des \(family.role) à \(town) et alentours, en télétravail.")
            specific.append("Vous prendrez en charge les \(detail).")
            for m in job.missions.reversed() { specific.append(family.missions[m] + ".") }
            specific.append("Salaire : \(payText).")
            specific.append(job.partTime ? "Poste à temps partiel, 24 h par semaine." : "Temps plein, 35 heures par semaine.")
        } else {
            specific.append("\(name) recrute pour \(sector) des \(family.role) travaillant depuis leur domicile, rattachés à \(town).")
            specific.append("Vos missions porteront sur les \(detail) :")
            for m in job.missions { specific.append(family.missions[m] + ".") }
            specific.append("Rémunération : \(payText), mutuelle et primes sur objectifs.")
            specific.append(job.partTime ? "Temps partiel 24 h/semaine." : "Temps plein 35 h/semaine du lundi au vendredi.")
        }
        specific.append("Contrat : \(job.contract).")
        var sentences = specific
        let boiler = Self.boilerplate(Self.employerName(job.employer))
        if chance(0.8) { sentences = Array(boiler.prefix(3)) + sentences + Array(boiler.suffix(2)) }
        if !rewrite && chance(0.4) {  // trimmed by the board
            sentences = Array(sentences.prefix(max(4, sentences.count - 1 - int(3))))
        }
        offer.description = sentences.joined(separator: " ")
        return offer
    }

    /// Labeled pairs of offers: copies of one job (cross-posts, rewritten cross-posts, reposts) and pairs of distinct
    /// jobs chosen to be hard: same employer and town with another job, the same title in another town, another
    /// contract, or another job of an agency whose boilerplate outweighs its job text.
    /// - Returns: `(a, b, same)` triples, as many same as different.
    public static func labeledPairs(count: Int, seed: UInt64) -> [(Offer, Offer, Bool)] {
        var g = SyntheticOffers(seed: seed)
        var result: [(Offer, Offer, Bool)] = []
        var number = 0
        func board(_ g: inout SyntheticOffers) -> String { boards[g.int(boards.count)] }
        while result.count < count {
            number += 1
            let job = g.job(number: number)
            switch result.count % 8 {
            case 0: result.append((g.copy(of: job, board: board(&g)), g.copy(of: job, board: board(&g)), true))
            case 1: result.append((g.copy(of: job, board: board(&g)), g.copy(of: job, board: board(&g), rewrite: true), true))
            case 2: result.append((g.copy(of: job, board: board(&g)), g.copy(of: job, board: board(&g), repost: 7 * (1 + g.int(3))), true))
            case 3: result.append((g.copy(of: job, board: board(&g), rewrite: g.chance(0.5)), g.copy(of: job, board: board(&g)), true))
            case 4:  // same employer and town, same kind of job for another client: shared boilerplate
                number += 1
                var other = g.job(number: number, employer: job.employer, town: job.town, family: job.family)
                other.contract = job.contract
                other.partTime = job.partTime
                result.append((g.copy(of: job, board: board(&g)), g.copy(of: other, board: board(&g)), false))
            case 5:  // the same job title in another town
                var other = job
                number += 1
                other.number = number
                other.town = (job.town + 1 + g.int(towns.count - 1)) % towns.count
                result.append((g.copy(of: job, board: board(&g)), g.copy(of: other, board: board(&g)), false))
            case 6:  // CDI and CDD of the same job
                var other = job
                number += 1
                other.number = number
                other.contract = job.contract == "CDI" ? "CDD" : "CDI"
                result.append((g.copy(of: job, board: board(&g)), g.copy(of: other, board: board(&g)), false))
            default:  // another job of the same employer in the same town
                number += 1
                let other = g.job(number: number, employer: job.employer, town: job.town,
                    family: (job.family + 1 + g.int(families.count - 1)) % families.count)
                result.append((g.copy(of: job, board: board(&g)), g.copy(of: other, board: board(&g), rewrite: g.chance(0.3)), false))
            }
        }
        return result
    }

    /// A corpus of `count` offers: jobs with one to four copies on different boards, reposts included, in posting
    /// order. - Returns: the offers, and for each the number of the job it is a copy of.
    public mutating func corpus(count: Int) -> [(offer: Offer, job: Int)] {
        var result: [(Offer, Int)] = []
        var number = 0
        while result.count < count {
            number += 1
            let job = self.job(number: number)
            let copies = [1, 1, 2, 2, 3, 4][int(6)]
            for c in 0..<copies where result.count < count {
                result.append((copy(of: job, board: Self.boards[(job.number + c) % Self.boards.count],
                    rewrite: c > 0 && chance(0.3), repost: c > 0 && chance(0.2) ? 14 : 0), job.number))
            }
        }
        return result
    }
}
