# Fictional reviews (invented authors and texts).
def R(author, date, rating, name, body, lang="fr", author_str=False):
    return dict(author=author, date=date, rating=rating, name=name, body=body, lang=lang, author_str=author_str)


REVIEWS = [
    dict(employer="Vocalia Services", slug="vocalia-services", best=5, reviews=[
        R("Sandrine M.", "2026-11-02", 5, "Formation payée, équipe à l’écoute",
          "Trois semaines de formation rémunérée avant la première prise d’appel, un superviseur joignable sur Teams "
          "toute la journée. Le casque a été envoyé chez moi. Je recommande."),
        R("Karim B.", "2026-10-21", 4, "Bon employeur pour du temps partiel",
          "CDI à 24 h par semaine, planning donné un mois à l’avance. Les primes sur rendez-vous honorés sont réellement versées. "
          "Seul bémol : le logiciel de téléphonie plante parfois.", author_str=True),
        R("Élodie R.", "2026-10-08", 5, "Salaire toujours à l’heure",
          "Paie versée le 28 de chaque mois sans exception, mutuelle correcte, et les pauses sont respectées."),
        R("Thomas L.", "2026-09-30", 4, "Sérieux",
          "Statut salarié, pas d’auto-entrepreneur déguisé. Les objectifs sont atteignables et on est accompagné quand on n’y arrive pas."),
        R("Jenny P.", "2026-09-12", 5, "Great remote job for French speakers",
          "Paid training, friendly team leads and a real contract. The only downside is the morning shift starting at 8.",
          lang="en"),
        R("Nadia K.", "2026-08-27", 3, "Correct mais répétitif",
          "Les appels SAV se ressemblent beaucoup. L’ambiance est bonne, mais l’évolution vers un poste de superviseur est lente."),
        R("Bruno V.", "2026-08-03", 5, "Très bonne expérience",
          "Matériel fourni (casque et second écran), formation rémunérée, et des points réguliers avec la manager."),
        R("Aurélie D.", "2026-07-15", 4, "Je recommande",
          "Entreprise humaine, entretien d’embauche rapide, intégration bien organisée à distance."),
    ]),
    dict(employer="Relais Client Express", slug="relais-client-express", best=10, reviews=[
        R("Stéphanie G.", "2026-11-20", 2, "Paiements en retard",
          "Mes factures d’octobre ne sont toujours pas payées. On nous répond que le client final n’a pas réglé. "
          "Fuyez si vous avez besoin d’un revenu régulier."),
        R("Marc-Antoine F.", "2026-11-11", 1, "On gagne moins que le SMIC",
          "Rémunération à l’acte, 0,80 € par appel : avec les temps d’attente entre deux appels, on gagne moins que le SMIC "
          "et en plus il faut payer ses cotisations."),
        R("Laetitia N.", "2026-10-29", 3, "Statut auto-entrepreneur imposé",
          "Le statut d’auto-entrepreneur est obligatoire alors qu’on a des horaires imposés et un superviseur. "
          "Formation de 5 jours non rémunérée."),
        R("Yannick T.", "2026-10-14", 2, "Matériel à acheter soi-même",
          "Casque à 60 € à acheter sur leur boutique, logiciel payant à installer. On commence donc à perte."),
        R("Priscilla A.", "2026-10-01", 4, "Souple mais précaire",
          "On choisit ses horaires, c’est pratique avec des enfants. Mais les campagnes s’arrêtent du jour au lendemain.",
          author_str=True),
        R("Dylan C.", "2026-09-18", 1, "Pression sur les stats",
          "Messages toutes les heures sur le taux de transformation, menaces de couper l’accès si on n’atteint pas les objectifs."),
        R("Chris W.", "2026-09-02", 2, "Late payments, no support",
          "I worked three weeks on a French campaign and waited two months to be paid. Nobody answers e-mails.",
          lang="en"),
        R("Hélène J.", "2026-08-19", 3, "Bof",
          "Ça dépanne quelques semaines mais ce n’est pas un vrai travail : pas de congés, pas de formation payée."),
        R("Rachid O.", "2026-07-30", 2, "Formation non rémunérée",
          "Une semaine de formation gratuite puis un test éliminatoire : la moitié du groupe n’a jamais été rappelée."),
    ]),
    dict(employer="Domicall", slug="domicall", best=5, graph=True, reviews=[
        R("Céline B.", "2026-11-24", 4, "Bonne formation, salaire correct",
          "Formation rémunérée de trois semaines et un vrai CDI. Par contre le planning change souvent au dernier moment."),
        R("Julien S.", "2026-11-15", 2, "Pression sur les statistiques",
          "Durée moyenne de traitement surveillée en permanence, les pauses toilettes sont comptées. Ambiance tendue."),
        R("Fatima Z.", "2026-11-03", 3, "Mitigé",
          "Le salaire tombe à l’heure mais la connexion fibre filaire exigée et le PC Windows sont à nos frais."),
        R("Nicolas P.", "2026-10-25", 5, "Super équipe",
          "Ma superviseure est géniale, on a des réunions d’équipe en visio chaque semaine et des primes qualité atteignables."),
        R("Amandine L.", "2026-10-12", 2, "Matériel à nos frais",
          "Casque USB et second écran à acheter soi-même, remboursement promis jamais arrivé."),
        R("Sophie T.", "2026-09-29", 4, "Correct pour commencer",
          "Bon premier emploi dans la relation client, on apprend beaucoup. Les samedis travaillés sont fatigants."),
        R("Kevin D.", "2026-09-16", 3, "Ni bien ni mal",
          "Travail répétitif, salaire au niveau du marché, management variable selon les équipes.", author_str=True),
        R("Maria G.", "2026-09-01", 4, "Flexible and fair",
          "Real employment contract, paid training, and I could switch to part-time after six months.", lang="en"),
        R("Olivier M.", "2026-08-14", 1, "Licencié en fin de période d’essai",
          "Trois semaines de formation puis fin de période d’essai sans explication, juste après le pic d’activité."),
        R("Inès H.", "2026-07-28", 3, "Moyen",
          "Les outils sont lents et la hotline informatique difficile à joindre, mais les collègues sont sympas."),
    ]),
    dict(employer="ParleoCom", slug="parleocom", best=5, reviews=[
        R("Benoît R.", "2026-11-08", 4, "Bonne ambiance",
          "Équipe jeune et dynamique, télétravail partiel bien organisé, formation rémunérée."),
        R("Samira E.", "2026-10-03", 3, "Modération de nuit difficile",
          "Le travail de modération le soir est éprouvant psychologiquement, peu de soutien prévu pour les contenus choquants."),
    ]),
]
