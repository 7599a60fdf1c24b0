#!/usr/bin/env bash
# Regenerates Sources/HomeshoreKit/Resources/Lexicons/merged/lexicon.tsv from the source lexicons beside it
# (vader, afinn, textblob_fr, umigon_fr, opener_fr, homeshore) and the rules in SentimentRules.swift, with the very
# code that reads the sources (LexiconLoader). Run it after editing a source lexicon or the rules; the test
# MergedLexiconTests fails until the file matches. See docs/sentiment.md.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$PWD/Sources/HomeshoreKit/Resources/Lexicons/merged/lexicon.tsv"
mkdir -p "$(dirname "$OUT")"
[ -f "$OUT" ] || : > "$OUT"
swift build --build-tests >&2
HOMESHORE_WRITE_MERGED_LEXICON="$OUT" swift test --skip-build --filter MergedLexiconTests.mergedFileMatchesSources >&2 || true
swift build --build-tests >&2  # copies the new file into the test bundle
swift test --skip-build --filter MergedLexiconTests >&2
wc -l "$OUT"
