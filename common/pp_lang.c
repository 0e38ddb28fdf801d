/* pp_lang.c - loads the word lists and gazetteer of data/ and the country
 * names of Debian's iso-codes into one hash table (open addressing, FNV-1a),
 * once per run. See data/README.md for the files and their formats. */
#include "pp_lang.h"

#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pp_lang_priv.h"
#include "pp_version.h"

#define PP_ISO_3166_1 "/usr/share/iso-codes/json/iso_3166-1.json"
#define PP_ISO_4217 "/usr/share/iso-codes/json/iso_4217.json"

/* The keys live in blocks of one arena (about 130,000 short strings: one
 * allocation each would dominate the load). */
typedef struct lex_block {
  struct lex_block *next;
  size_t used, cap;
  char data[];
} lex_block;

struct pp_lang {
  pp_lexent *tab;
  size_t cap, n, initcap;
  int maxwords;
  lex_block *keys;
  /* one bit per key's hash (bits 40.. of it): most words of prose are in no
   * list, and this small map answers for them without touching the large
   * table (which no longer fits the caches) */
  uint64_t *bloom;
  /* the evidence lists (ordinary words, given and family names) in a
   * compact table of their own: they are asked about capitalised words
   * only, and the main table stays small enough for the caches */
  struct lex_event *ev;
  size_t evcap, evn;
  uint64_t *evbloom;
};

typedef struct lex_event {
  const char *key; /* in the arena */
  uint64_t hash;
  unsigned cls;
} lex_event;

static char *lex_keydup(pp_lang *lex, const char *key) {
  size_t n = strlen(key) + 1;
  lex_block *b = lex->keys;
  if (!b || b->cap - b->used < n) {
    size_t cap = n > 65536 ? n : 65536;
    b = pp_xmalloc(sizeof *b + cap);
    b->next = lex->keys;
    b->used = 0;
    b->cap = cap;
    lex->keys = b;
  }
  char *k = b->data + b->used;
  memcpy(k, key, n);
  b->used += n;
  return k;
}

size_t pp_lang_norm(const char *s, size_t n, char *out, size_t outcap) {
  size_t o = 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = 1;
      continue;
    }
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { /* NBSP */
      i++;
      space = 1;
      continue;
    }
    if (space && o > 0) {
      if (o + 1 >= outcap) return (size_t)-1;
      if (out[o - 1] == '.' && o >= 2 && out[o - 2] != ' ') o--; /* "Sen. X" */
      out[o++] = ' ';
    }
    space = 0;
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
      c = '\'';
      i += 2;
    } else if (c >= 'A' && c <= 'Z') {
      c = (unsigned char)(c - 'A' + 'a');
    }
    if (o + 1 >= outcap) return (size_t)-1;
    out[o++] = (char)c;
  }
  if (o > 1 && out[o - 1] == '.') o--;
  out[o] = '\0';
  return o;
}

enum { BLOOM_BITS = 1 << 21 };

static size_t bloom_bit(uint64_t h) { return (size_t)(h >> 40) & (BLOOM_BITS - 1); }

static void bloom_set(pp_lang *lex, uint64_t h) {
  if (!lex->bloom) lex->bloom = pp_xcalloc(BLOOM_BITS / 64, sizeof(uint64_t));
  size_t b = bloom_bit(h);
  lex->bloom[b >> 6] |= (uint64_t)1 << (b & 63);
}

/* The slot of key (hash h): its entry, or the empty slot it would take. */
static pp_lexent *lex_slot(const pp_lang *lex, const char *key, uint64_t h) {
  size_t mask = lex->cap - 1;
  size_t i = (size_t)h & mask;
  while (lex->tab[i].key && (lex->tab[i].hash != h || strcmp(lex->tab[i].key, key) != 0))
    i = (i + 1) & mask;
  return &lex->tab[i];
}

static void lex_grow(pp_lang *lex) {
  pp_lexent *old = lex->tab;
  size_t oldcap = lex->cap;
  lex->cap = oldcap ? oldcap * 2 : lex->initcap ? lex->initcap : 4096;
  lex->tab = pp_xcalloc(lex->cap, sizeof(pp_lexent));
  size_t mask = lex->cap - 1;
  for (size_t i = 0; i < oldcap; i++) {
    if (!old[i].key) continue;
    size_t j = (size_t)old[i].hash & mask;
    while (lex->tab[j].key) j = (j + 1) & mask;
    lex->tab[j] = old[i];
  }
  free(old);
}

/* The entry of key (normalised, hash h), created when absent. */
static pp_lexent *lex_entry(pp_lang *lex, const char *key, uint64_t h) {
  if ((lex->n + 1) * 5 > lex->cap * 3) lex_grow(lex); /* at most 60 % full */
  pp_lexent *e = lex_slot(lex, key, h);
  if (!e->key) {
    e->key = lex_keydup(lex, key);
    e->hash = h;
    bloom_set(lex, h);
    lex->n++;
  }
  return e;
}

/* The entry for the text s (normalised), created when absent. */
static pp_lexent *lex_put(pp_lang *lex, const char *s) {
  char key[512];
  /* most lines are one plain ASCII word: lower-cased, they are their key */
  size_t m = 0;
  for (;; m++) {
    unsigned char c = (unsigned char)s[m];
    if (c == '\0' || m + 1 >= sizeof key) break;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '\''))
      break;
    key[m] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  if (s[m] == '\0' && m > 0) {
    key[m] = '\0';
    if (lex->maxwords < 1) lex->maxwords = 1;
    return lex_entry(lex, key, pp_hash_n(key, m));
  }
  size_t n = pp_lang_norm(s, strlen(s), key, sizeof key);
  if (n == (size_t)-1 || n == 0) return NULL;
  /* the first words of a multi-word entry, so that look-ups of longer
   * spans can stop as soon as no entry begins that way */
  int words = 1;
  for (size_t i = 0; i < n; i++) {
    if (key[i] != ' ' && !(key[i] == ',' && key[i + 1] == ' ')) continue;
    if (key[i] == ' ') words++;
    char saved = key[i];
    key[i] = '\0';
    lex_entry(lex, key, pp_hash_n(key, i))->cls |= PP_LX_PREFIX;
    key[i] = saved;
  }
  if (words > lex->maxwords) lex->maxwords = words;
  return lex_entry(lex, key, pp_hash_n(key, n));
}

const pp_lexent *pp_lang_get(const pp_lang *lex, const char *key) {
  return pp_lang_geth(lex, key, strlen(key), pp_hash_str(key));
}

const pp_lexent *pp_lang_geth(const pp_lang *lex, const char *key, size_t n,
                                 uint64_t hash) {
  if (!lex || !lex->cap) return NULL;
  size_t b = bloom_bit(hash);
  if (!lex->bloom || !(lex->bloom[b >> 6] & ((uint64_t)1 << (b & 63)))) return NULL;
  size_t mask = lex->cap - 1;
  size_t i = (size_t)hash & mask;
  for (;;) {
    const pp_lexent *e = &lex->tab[i];
    if (!e->key) return NULL;
    if (e->hash != hash) {
      i = (i + 1) & mask;
      continue;
    }
    size_t j = 0;
    while (j < n && e->key[j] != '\0' && e->key[j] == key[j]) j++;
    if (j == n && e->key[n] == '\0') return e;
    i = (i + 1) & mask;
  }
}

unsigned pp_lang_evidence(const pp_lang *lex, const char *key, size_t n, uint64_t hash) {
  if (!lex || !lex->evcap) return 0;
  size_t b = bloom_bit(hash);
  if (!(lex->evbloom[b >> 6] & ((uint64_t)1 << (b & 63)))) return 0;
  size_t mask = lex->evcap - 1;
  for (size_t i = (size_t)hash & mask; lex->ev[i].key; i = (i + 1) & mask) {
    const lex_event *e = &lex->ev[i];
    if (e->hash == hash && strncmp(e->key, key, n) == 0 && e->key[n] == '\0') return e->cls;
  }
  return 0;
}

/* One line of an evidence list: its word (normalised) gets class cls. */
static void add_evidence(pp_lang *lex, char **f, int nf, unsigned cls) {
  (void)nf;
  char key[256];
  size_t n = pp_lang_norm(f[0], strlen(f[0]), key, sizeof key);
  if (n == (size_t)-1 || n == 0) return;
  if (!lex->evcap) {
    lex->evcap = (size_t)1 << 18; /* about 110,000 words at most half full */
    lex->ev = pp_xcalloc(lex->evcap, sizeof *lex->ev);
    lex->evbloom = pp_xcalloc(BLOOM_BITS / 64, sizeof(uint64_t));
  }
  if ((lex->evn + 1) * 2 > lex->evcap) return; /* the lists outgrew the table */
  uint64_t h = pp_hash_n(key, n);
  size_t mask = lex->evcap - 1, i = (size_t)h & mask;
  while (lex->ev[i].key && (lex->ev[i].hash != h || strcmp(lex->ev[i].key, key) != 0))
    i = (i + 1) & mask;
  if (!lex->ev[i].key) {
    lex->ev[i].key = lex_keydup(lex, key);
    lex->ev[i].hash = h;
    lex->evn++;
    size_t b = bloom_bit(h);
    lex->evbloom[b >> 6] |= (uint64_t)1 << (b & 63);
  }
  lex->ev[i].cls |= cls;
}

const pp_lexent *pp_lang_getn(const pp_lang *lex, const char *key, size_t n) {
  return pp_lang_geth(lex, key, n, pp_hash_n(key, n));
}

const pp_lexent *pp_lang_find(const pp_lang *lex, const char *s, size_t n) {
  char key[512];
  if (pp_lang_norm(s, n, key, sizeof key) == (size_t)-1) return NULL;
  return pp_lang_get(lex, key);
}

int pp_lang_maxwords(const pp_lang *lex) { return lex ? lex->maxwords : 1; }

/* Reads DIR/NAME line by line: '#' lines and blank lines skipped, fields
 * split on tabs (at most 4). Calls fn for each line. */
typedef void (*lex_line_fn)(pp_lang *lex, char **f, int nf, unsigned cls);

static int lex_read(pp_lang *lex, const char *dir, const char *name, unsigned cls,
                    lex_line_fn fn, pp_error *e) {
  char *path = pp_xasprintf("%s/%s", dir, name);
  FILE *fp = fopen(path, "r");
  if (!fp) {
    pp_error_set(e, path, 0, "cannot read: %s", strerror(errno));
    free(path);
    return -1;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  while ((len = getline(&line, &cap, fp)) != -1) {
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
    if (len == 0 || line[0] == '#') continue;
    char *f[4];
    int nf = 0;
    char *p = line;
    f[nf++] = p;
    while (nf < 4 && (p = strchr(p, '\t')) != NULL) {
      *p++ = '\0';
      f[nf++] = p;
    }
    fn(lex, f, nf, cls);
  }
  free(line);
  int bad = ferror(fp);
  fclose(fp);
  if (bad) {
    pp_error_set(e, path, 0, "read error");
    free(path);
    return -1;
  }
  free(path);
  return 0;
}

static void add_word(pp_lang *lex, char **f, int nf, unsigned cls) {
  (void)nf;
  pp_lexent *e = lex_put(lex, f[0]);
  if (e) e->cls |= cls;
}

static void add_place_head(pp_lang *lex, char **f, int nf, unsigned cls) {
  pp_lexent *e = lex_put(lex, f[0]);
  if (!e) return;
  e->cls |= cls;
  if (nf > 1 && strcmp(f[1], "first") == 0) e->cls |= PP_LX_PLACEFIRST;
}

static void add_title(pp_lang *lex, char **f, int nf, unsigned cls) {
  pp_lexent *e = lex_put(lex, f[0]);
  if (!e) return;
  e->cls |= cls;
  if (!e->role) e->role = pp_xstrdup(nf > 1 ? f[1] : f[0]);
  if (nf > 2 && strcmp(f[2], "courtesy") == 0) e->courtesy = 1;
  if (nf > 2 && strcmp(f[2], "rank") == 0) e->courtesy = 2;
}

/* layout-genres.tsv: label, genre, mode ("bare": the title may follow
 * with no separator; "colon": a label only with a colon; "sep": else). The
 * genre is kept in role, the mode in courtesy (1 bare, 2 colon, 0 sep). */
static void add_genre(pp_lang *lex, char **f, int nf, unsigned cls) {
  if (nf < 2) return;
  pp_lexent *e = lex_put(lex, f[0]);
  if (!e) return;
  e->cls |= cls;
  if (!e->role) e->role = pp_xstrdup(f[1]);
  if (nf > 2) e->courtesy = strcmp(f[2], "bare") == 0 ? 1 : strcmp(f[2], "colon") == 0 ? 2 : 0;
}

/* A country's own code wins over a subdivision of the same name
 * ("Georgia"). */
static void set_cc(pp_lexent *e, const char *cc) {
  if (cc && strlen(cc) == 2 && (!e->cc[0] || (e->cls & PP_LX_COUNTRY))) {
    e->cc[0] = cc[0];
    e->cc[1] = cc[1];
    e->cc[2] = '\0';
  }
}

static void add_country(pp_lang *lex, char **f, int nf, unsigned cls) {
  if (nf < 2) return;
  pp_lexent *e = lex_put(lex, f[0]);
  if (!e) return;
  if (!(e->cls & PP_LX_COUNTRY)) e->cc[0] = '\0';
  e->cls |= cls;
  set_cc(e, f[1]);
}

static void add_place(pp_lang *lex, char **f, int nf, unsigned cls) {
  (void)cls;
  if (nf < 3) return;
  pp_lexent *e = lex_put(lex, f[0]);
  if (!e) return;
  if (strcmp(f[2], "abbr") == 0) {
    e->cls |= PP_LX_ABBR;
  } else {
    int cont = strcmp(f[2], "continent") == 0;
    e->cls |= PP_LX_PLACE;
    if ((cont || strcmp(f[2], "region") == 0) && strcmp(f[1], "-") == 0) e->cls |= PP_LX_REGION;
    if (!e->kind) e->kind = cont ? 'k' : strcmp(f[2], "city") == 0 ? 'c' : 'r';
  }
  /* a country's own code wins over a region of the same name ("Zaire") */
  if (strcmp(f[1], "-") != 0 && !(e->cls & PP_LX_COUNTRY)) set_cc(e, f[1]);
}

static void add_org(pp_lang *lex, char **f, int nf, unsigned cls) {
  (void)cls;
  const char *acr = nf > 1 && strcmp(f[1], "-") != 0 ? f[1] : NULL;
  pp_lexent *e = lex_put(lex, f[0]);
  if (!e) return;
  e->cls |= PP_LX_ORG;
  if (acr && !e->acronym) e->acronym = pp_xstrdup(acr);
  if (!e->orgname) e->orgname = pp_xstrdup(f[0]);
  if (acr) {
    pp_lexent *a = lex_put(lex, acr);
    if (!a) return;
    a->cls |= PP_LX_ACRONYM;
    if (!a->acronym) a->acronym = pp_xstrdup(acr);
    if (!a->orgname) a->orgname = pp_xstrdup(f[0]);
  }
}

/* Country names and codes from iso-codes: name, common_name and
 * official_name, except inverted forms ("Korea, Republic of"). */
static int load_iso(pp_lang *lex, pp_error *e) {
  const char *path = getenv("PRESSPIPE_ISO_3166");
  if (!path || !*path) path = PP_ISO_3166_1;
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  if (!root) {
    pp_error_set(e, path, je.line > 0 ? je.line : 0,
                 "cannot read the ISO 3166-1 country list (Debian package iso-codes): %s",
                 je.text);
    return -1;
  }
  json_t *arr = json_object_get(root, "3166-1");
  if (!json_is_array(arr)) {
    pp_error_set(e, path, 0, "no \"3166-1\" array");
    json_decref(root);
    return -1;
  }
  size_t i;
  json_t *c;
  json_array_foreach(arr, i, c) {
    const char *cc = json_string_value(json_object_get(c, "alpha_2"));
    if (!cc) continue;
    static const char *const fields[] = {"name", "common_name", "official_name"};
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
      const char *nm = json_string_value(json_object_get(c, fields[k]));
      if (!nm || strchr(nm, ',') || strchr(nm, '(')) continue;
      pp_lexent *en = lex_put(lex, nm);
      if (!en) continue;
      if (!(en->cls & PP_LX_COUNTRY)) en->cc[0] = '\0';
      en->cls |= PP_LX_COUNTRY;
      set_cc(en, cc);
    }
  }
  json_decref(root);
  return 0;
}

/* Currency codes of ISO 4217 (iso-codes): abbreviations that name no
 * organisation ("USD 5 million"). A missing file only loses them. */
static void load_currencies(pp_lang *lex) {
  const char *path = getenv("PRESSPIPE_ISO_4217");
  if (!path || !*path) path = PP_ISO_4217;
  json_t *root = json_load_file(path, 0, NULL);
  json_t *arr = root ? json_object_get(root, "4217") : NULL;
  size_t i;
  json_t *c;
  if (json_is_array(arr)) json_array_foreach(arr, i, c) {
      const char *code = json_string_value(json_object_get(c, "alpha_3"));
      pp_lexent *en = code ? lex_put(lex, code) : NULL;
      if (en) en->cls |= PP_LX_NOTORG;
    }
  json_decref(root);
}

static int dir_usable(const char *d) {
  if (!d || !*d) return 0;
  char *p = pp_xasprintf("%s/honorifics.txt", d);
  int ok = access(p, R_OK) == 0;
  free(p);
  return ok;
}

pp_lang *pp_lang_load(const char *dir, pp_error *e) {
  if (!dir) {
    const char *env = getenv("PRESSPIPE_DATADIR");
    if (env && *env)
      dir = env;
    else if (dir_usable(PP_DATADIR))
      dir = PP_DATADIR;
    else
      dir = PP_SOURCE_DATADIR;
  }
  pp_lang *lex = pp_xcalloc(1, sizeof *lex);
  lex_grow(lex);
  static const struct {
    const char *file;
    unsigned cls;
    lex_line_fn fn;
  } files[] = {
      {"honorifics.txt", PP_LX_HONORIFIC, add_word},
      {"titles.tsv", PP_LX_TITLE, add_title},
      {"role-words.txt", PP_LX_ROLE, add_word},
      {"role-modifiers.txt", PP_LX_ROLEMOD, add_word},
      {"org-heads.txt", PP_LX_ORGHEAD, add_word},
      {"orgs.tsv", PP_LX_ORG, add_org},
      {"country-aliases.tsv", PP_LX_COUNTRY, add_country},
      {"gazetteer.tsv", PP_LX_PLACE, add_place},
      {"stopwords.txt", PP_LX_STOP, add_word},
      {"nonname-words.txt", PP_LX_NONNAME, add_word},
      {"speech-verbs.txt", PP_LX_SPEECH, add_word},
      {"work-words.txt", PP_LX_WORK, add_word},
      {"postnominals.txt", PP_LX_POSTNOM, add_word},
      {"name-particles.txt", PP_LX_PARTICLE, add_word},
      /* layout: the structure parser's words */
      {"layout-intros.txt", PP_LX_LAYOUT_INTRO, add_word},
      {"layout-labels.txt", PP_LX_LAYOUT_LABEL, add_word},
      {"layout-furniture.txt", PP_LX_LAYOUT_FURNITURE, add_word},
      {"layout-genres.tsv", PP_LX_LAYOUT_GENRE, add_genre},
      {"layout-stamps.txt", PP_LX_LAYOUT_STAMP, add_word},
      {"layout-end-marks.txt", PP_LX_LAYOUT_END, add_word},
      {"legal-suffixes.txt", PP_LX_LEGAL, add_word},
      {"furniture.txt", PP_LX_FURNITURE, add_word},
      {"abbreviations.txt", PP_LX_NOTORG, add_word},
      {"place-heads.txt", PP_LX_PLACEHEAD, add_place_head},
  };
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    if (lex_read(lex, dir, files[i].file, files[i].cls, files[i].fn, e) != 0) {
      pp_lang_free(lex);
      return NULL;
    }
  }
  /* evidence from well-kept sources (data/README.md) */
  static const struct {
    const char *file;
    unsigned cls;
  } evfiles[] = {
      {"common-words.txt", PP_LX_COMMON},
      {"given-names.txt", PP_LX_GIVEN},
      {"family-names.txt", PP_LX_FAMILY},
  };
  for (size_t i = 0; i < sizeof evfiles / sizeof *evfiles; i++) {
    if (lex_read(lex, dir, evfiles[i].file, evfiles[i].cls, add_evidence, e) != 0) {
      pp_lang_free(lex);
      return NULL;
    }
  }
  if (load_iso(lex, e) != 0) {
    pp_lang_free(lex);
    return NULL;
  }
  load_currencies(lex);
  return lex;
}

void pp_lang_free(pp_lang *lex) {
  if (!lex) return;
  free(lex->ev);
  free(lex->evbloom);
  for (size_t i = 0; i < lex->cap; i++) {
    if (!lex->tab[i].key) continue;
    free(lex->tab[i].role);
    free(lex->tab[i].acronym);
    free(lex->tab[i].orgname);
  }
  free(lex->tab);
  free(lex->bloom);
  while (lex->keys) {
    lex_block *next = lex->keys->next;
    free(lex->keys);
    lex->keys = next;
  }
  free(lex);
}

const char *pp_lang_country_code(const pp_lang *lex, const char *name) {
  const pp_lexent *e = name ? pp_lang_find(lex, name, strlen(name)) : NULL;
  return e && (e->cls & PP_LX_COUNTRY) && e->cc[0] ? e->cc : NULL;
}
