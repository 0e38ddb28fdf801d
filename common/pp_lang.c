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
  /* the evidence lists (ordinary words, given and family names) in a table
   * of their own: they are asked about capitalised words only, and the
   * main table stays small enough for the caches */
  struct pp_lang *ev;
};

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

static pp_lexent *lex_slot(const pp_lang *lex, const char *key) {
  size_t mask = lex->cap - 1;
  uint64_t h = pp_hash_str(key);
  size_t i = (size_t)h & mask;
  while (lex->tab[i].key &&
         (lex->tab[i].hash != (uint32_t)h || strcmp(lex->tab[i].key, key) != 0))
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
    size_t j = (size_t)pp_hash_str(old[i].key) & mask;
    while (lex->tab[j].key) j = (j + 1) & mask;
    lex->tab[j] = old[i];
  }
  free(old);
}

/* The entry for the text s (normalised), created when absent. */
static pp_lexent *lex_put(pp_lang *lex, const char *s) {
  char key[512];
  size_t n = pp_lang_norm(s, strlen(s), key, sizeof key);
  if (n == (size_t)-1 || n == 0) return NULL;
  if ((lex->n + 1) * 2 > lex->cap) lex_grow(lex);
  /* the first words of a multi-word entry, so that look-ups of longer
   * spans can stop as soon as no entry begins that way */
  for (size_t i = 0; i < n; i++) {
    if (key[i] != ' ' && !(key[i] == ',' && key[i + 1] == ' ')) continue;
    char saved = key[i];
    key[i] = '\0';
    pp_lexent *pe = lex_slot(lex, key);
    if (!pe->key) {
      pe->key = lex_keydup(lex, key);
      pe->hash = (uint32_t)pp_hash_str(key);
      lex->n++;
      if ((lex->n + 1) * 2 > lex->cap) {
        lex_grow(lex);
      }
    }
    lex_slot(lex, key)->cls |= PP_LX_PREFIX;
    key[i] = saved;
  }
  if ((lex->n + 1) * 2 > lex->cap) lex_grow(lex);
  pp_lexent *e = lex_slot(lex, key);
  if (!e->key) {
    e->key = lex_keydup(lex, key);
    e->hash = (uint32_t)pp_hash_str(key);
    lex->n++;
    int words = 1;
    for (const char *p = key; *p; p++)
      if (*p == ' ') words++;
    if (words > lex->maxwords) lex->maxwords = words;
  }
  return e;
}

const pp_lexent *pp_lang_get(const pp_lang *lex, const char *key) {
  if (!lex || !lex->cap) return NULL;
  const pp_lexent *e = lex_slot(lex, key);
  return e->key ? e : NULL;
}

const pp_lexent *pp_lang_geth(const pp_lang *lex, const char *key, size_t n,
                                 uint64_t hash) {
  if (!lex || !lex->cap) return NULL;
  size_t mask = lex->cap - 1;
  size_t i = (size_t)hash & mask;
  for (;;) {
    const pp_lexent *e = &lex->tab[i];
    if (!e->key) return NULL;
    if (e->hash != (uint32_t)hash) {
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
  const pp_lexent *e = lex ? pp_lang_geth(lex->ev, key, n, hash) : NULL;
  return e ? e->cls & ~(unsigned)PP_LX_PREFIX : 0;
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
  lex->ev = pp_xcalloc(1, sizeof *lex->ev);
  lex->ev->initcap = (size_t)1 << 18; /* about 110,000 keys */
  lex_grow(lex->ev);
  for (size_t i = 0; i < sizeof evfiles / sizeof *evfiles; i++) {
    if (lex_read(lex->ev, dir, evfiles[i].file, evfiles[i].cls, add_word, e) != 0) {
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
  pp_lang_free(lex->ev);
  for (size_t i = 0; i < lex->cap; i++) {
    if (!lex->tab[i].key) continue;
    free(lex->tab[i].role);
    free(lex->tab[i].acronym);
    free(lex->tab[i].orgname);
  }
  free(lex->tab);
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
