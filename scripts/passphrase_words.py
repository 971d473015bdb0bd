#!/usr/bin/env python3
"""Builds intake/src/desk/passphrase_words.txt: 2,048 common Vietnamese two-syllable words,
written without accents (so any keyboard types them the same way), for generated staff
passphrases. Not run by the build or the tests; kept to show how the list was made.

Sources (both Apache-2.0, named in NOTICE.md):
- the word list Viet11K.txt shipped in the PyPI package underthesea 9.5.0
  (underthesea/corpus/data/Viet11K.txt; `pip download --no-deps underthesea==9.5.0`);
- word frequencies from the PyPI package wordfreq (its Vietnamese data), to keep the most
  common words.

Words whose accented original or plain reading is about violence, crime, the police,
death, illness, sex or the body, drugs, insults, gender roles, religion or politics were
read out by hand (a reviewer read the 2,800 most common candidates): they are listed in
scripts/passphrase_words_avoid.txt and left out.

Usage: python3 scripts/passphrase_words.py Viet11K.txt > intake/src/desk/passphrase_words.txt
"""
import os
import sys
import unicodedata

from wordfreq import zipf_frequency

COUNT = 2048

# Syllables that never appear in a staff passphrase at a centre for survivors of violence
# (violence, sex, death, weapons, drugs, insults, the body), matched before accents go.
AVOID = set("""
đánh giết chết hiếp dâm máu súng đạn đâm chém bạo lực hành hạ tù ngục giam trói
ma túy tuý nghiện rượu say cưỡng bức xâm hại ngược đãi tự tử treo cổ mổ xác thi
điếm đĩ dục tình sex khiêu gợi vú đít mông háng lồn buồi cặc địt đụ ngực trần truồng
chửi đồ ngu khốn nạn mẹ cha chồng vợ bồ ly hôn dị thai phá sảy đẻ sinh nở kinh nguyệt
khóc đau thương tích vết bầm gãy bỏng hãm cướp trộm lừa đảo bắt cóc buôn bán người
quỷ ma chôn mộ tang ma quan tài hoả táng thù hận trả oán căm ghét nhục
""".split())


def strip(word):
    """The word without accents: đ → d, then every combining mark dropped."""
    word = word.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


REVIEWED = 2800


def main(path):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "passphrase_words_avoid.txt"), encoding="utf-8") as f:
        avoid_words = {line.strip() for line in f if line.strip()}
    seen = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            word = unicodedata.normalize("NFC", line.strip().lower())
            syllables = word.split(" ")
            if len(syllables) != 2 or any(s in AVOID for s in syllables):
                continue
            plain = [strip(s) for s in syllables]
            if not all(p.isascii() and p.isalpha() and 2 <= len(p) <= 6 for p in plain):
                continue
            joined = "".join(plain)
            if not 5 <= len(joined) <= 10:
                continue
            score = min(zipf_frequency(s, "vi") for s in syllables)
            if joined not in seen or seen[joined] < score:
                seen[joined] = score
    # Only words among the reviewed candidates are used.
    ranked = sorted(seen, key=lambda w: (-seen[w], w))[:REVIEWED]
    ranked = [w for w in ranked if w not in avoid_words]
    if len(ranked) < COUNT:
        sys.exit(f"only {len(ranked)} words")
    for w in sorted(ranked[:COUNT]):
        print(w)


if __name__ == "__main__":
    main(sys.argv[1])
