/* pp_split.c - one file per item in a directory, through temporary files
 * and rename (pp_split.h says what is guaranteed and why). */
#include "pp_split.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "pp_sha256.h"

#define S_TMP_PREFIX ".pp-split-"
#define S_TMP_SUFFIX ".tmp"

struct pp_split {
  char *dir; /* as given, without trailing '/', for messages */
  int dirfd;
  char *ext;
  unsigned flags;
  long written, skipped;
  uint64_t *seen; /* open-addressing set of the hashes of the folded names */
  size_t seen_n, seen_cap;
  int armed; /* this split owns the signal handlers */
};

/* ---- signals ------------------------------------------------------------
 * While a temporary file exists its name is in S_sig_tmp, set and cleared
 * with the signals blocked, so the handler sees either no name or a file
 * this process created. The handler removes it and re-raises the signal
 * under the action it replaced. */

static const int S_signals[] = {SIGINT, SIGTERM, SIGHUP};
enum { S_NSIG = sizeof S_signals / sizeof S_signals[0] };
static struct sigaction S_old[S_NSIG];
static int S_installed[S_NSIG];
static volatile sig_atomic_t S_sig_dirfd = -1;
static char S_sig_tmp[64];
static int S_owner; /* one split at a time owns the handlers */

static void S_on_signal(int sig) {
  int saved = errno;
  if (S_sig_tmp[0] && S_sig_dirfd >= 0) unlinkat(S_sig_dirfd, S_sig_tmp, 0);
  for (int i = 0; i < S_NSIG; i++)
    if (S_signals[i] == sig) sigaction(sig, &S_old[i], NULL);
  raise(sig); /* blocked until the handler returns, then delivered */
  errno = saved;
}

static void S_block(sigset_t *old) {
  sigset_t set;
  sigemptyset(&set);
  for (int i = 0; i < S_NSIG; i++) sigaddset(&set, S_signals[i]);
  sigprocmask(SIG_BLOCK, &set, old);
}

static void S_unblock(const sigset_t *old) { sigprocmask(SIG_SETMASK, old, NULL); }

static void S_arm(pp_split *s) {
  if (S_owner) return;
  S_owner = 1;
  s->armed = 1;
  S_sig_dirfd = s->dirfd;
  S_sig_tmp[0] = '\0';
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = S_on_signal;
  sigemptyset(&sa.sa_mask);
  for (int i = 0; i < S_NSIG; i++) sigaddset(&sa.sa_mask, S_signals[i]);
  for (int i = 0; i < S_NSIG; i++) {
    S_installed[i] = 0;
    if (sigaction(S_signals[i], NULL, &S_old[i]) != 0) continue;
    if (S_old[i].sa_handler == SIG_IGN) continue; /* nohup: stay ignored */
    S_installed[i] = sigaction(S_signals[i], &sa, NULL) == 0;
  }
}

static void S_disarm(pp_split *s) {
  if (!s->armed) return;
  for (int i = 0; i < S_NSIG; i++)
    if (S_installed[i]) sigaction(S_signals[i], &S_old[i], NULL);
  S_sig_dirfd = -1;
  S_sig_tmp[0] = '\0';
  S_owner = 0;
  s->armed = 0;
}

/* ---- names ------------------------------------------------------------ */

static uint64_t S_folded_hash(const char *name) {
  char *f = pp_xstrdup(name);
  for (char *p = f; *p; p++)
    if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + ('a' - 'A'));
  char hex[65];
  pp_sha256_hex(f, strlen(f), hex);
  free(f);
  uint64_t h = 0;
  for (int i = 0; i < 16; i++) h = h << 4 | (uint64_t)(hex[i] <= '9' ? hex[i] - '0' : hex[i] - 'a' + 10);
  return h ? h : 1;
}

/* Adds h to the set; returns 0 when it was there already. */
static int S_seen_add(pp_split *s, uint64_t h) {
  if (2 * (s->seen_n + 1) > s->seen_cap) {
    size_t cap = s->seen_cap ? 2 * s->seen_cap : 64;
    uint64_t *t = pp_xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < s->seen_cap; i++)
      if (s->seen[i]) {
        size_t k = s->seen[i] % cap;
        while (t[k]) k = (k + 1) % cap;
        t[k] = s->seen[i];
      }
    free(s->seen);
    s->seen = t;
    s->seen_cap = cap;
  }
  size_t k = h % s->seen_cap;
  while (s->seen[k]) {
    if (s->seen[k] == h) return 0;
    k = (k + 1) % s->seen_cap;
  }
  s->seen[k] = h;
  s->seen_n++;
  return 1;
}

/* A random temporary name in buf (S_TMP_PREFIX, 16 hex digits, suffix). */
static void S_tmp_name(char buf[64]) {
  static uint64_t counter;
  uint64_t r = 0;
  if (getrandom(&r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r)
    r = ((uint64_t)getpid() << 32) ^ (uint64_t)time(NULL) ^ (++counter * 0x9E3779B97F4A7C15u);
  static const char hex[] = "0123456789abcdef";
  char digits[17];
  for (int i = 0; i < 16; i++) digits[i] = hex[(r >> (4 * i)) & 15];
  digits[16] = '\0';
  snprintf(buf, 64, "%s%s%s", S_TMP_PREFIX, digits, S_TMP_SUFFIX);
}

/* ---- the split -------------------------------------------------------- */

pp_split *pp_split_new(const char *dir, const char *ext, unsigned flags, pp_error *e) {
  size_t n = strlen(dir);
  while (n > 1 && dir[n - 1] == '/') n--;
  char *d = pp_xstrndup(dir, n);
  if (mkdir(d, 0777) != 0 && errno != EEXIST) {
    pp_error_set(e, d, 0, "cannot create the directory: %s", strerror(errno));
    free(d);
    return NULL;
  }
  int fd = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    struct stat st;
    if (err == ENOTDIR || (stat(d, &st) == 0 && !S_ISDIR(st.st_mode)))
      pp_error_set(e, d, 0, "%s", strerror(ENOTDIR));
    else
      pp_error_set(e, d, 0, "%s", strerror(err));
    free(d);
    return NULL;
  }
  pp_split *s = pp_xcalloc(1, sizeof *s);
  s->dir = d;
  s->dirfd = fd;
  s->ext = pp_xstrdup(ext ? ext : "");
  s->flags = flags;
  S_arm(s);
  return s;
}

long pp_split_written(const pp_split *s) { return s->written; }
long pp_split_skipped(const pp_split *s) { return s->skipped; }
const char *pp_split_dir(const pp_split *s) { return s->dir; }

/* Removes the temporary file tmp and forgets it (signals blocked). */
static void S_drop_tmp(pp_split *s, const char *tmp) {
  sigset_t old;
  S_block(&old);
  unlinkat(s->dirfd, tmp, 0);
  if (s->armed) S_sig_tmp[0] = '\0';
  S_unblock(&old);
}

/* Moves tmp to name: 0 done, 1 name exists (no clobber), -1 errno set. */
static int S_move(pp_split *s, const char *tmp, const char *name) {
  if (!(s->flags & PP_SPLIT_NO_CLOBBER)) return renameat(s->dirfd, tmp, s->dirfd, name) == 0 ? 0 : -1;
#ifdef RENAME_NOREPLACE
  if (renameat2(s->dirfd, tmp, s->dirfd, name, RENAME_NOREPLACE) == 0) return 0;
  if (errno == EEXIST) return 1;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) return -1;
#endif
  /* link() fails when the name exists, whatever it is */
  if (linkat(s->dirfd, tmp, s->dirfd, name, 0) != 0) return errno == EEXIST ? 1 : -1;
  unlinkat(s->dirfd, tmp, 0);
  return 0;
}

int pp_split_write(pp_split *s, const char *stem, pp_split_fill fill, void *ctx, pp_error *warn,
                   pp_error *e) {
  char *name = pp_xasprintf("%s%s", stem, s->ext);
  if (!S_seen_add(s, S_folded_hash(name))) {
    char *alt = NULL;
    for (unsigned k = 2;; k++) {
      alt = pp_xasprintf("%s-%u%s", stem, k, s->ext);
      if (S_seen_add(s, S_folded_hash(alt))) break;
      free(alt);
    }
    pp_error_set(warn, NULL, 0,
                 "file name %s already used in this run (names are compared ignoring "
                 "case); this record's file is %s",
                 name, alt);
    free(name);
    name = alt;
  }
  char *path = pp_xasprintf("%s/%s", s->dir, name);
  int rc = PP_SPLIT_ERROR;
  struct stat st;
  if (s->flags & PP_SPLIT_NO_CLOBBER) {
    if (fstatat(s->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
      s->skipped++;
      rc = PP_SPLIT_SKIPPED;
      goto done;
    }
    if (errno != ENOENT) {
      pp_error_set(e, path, 0, "%s", strerror(errno));
      goto done;
    }
  }

  /* a new file under a name nobody else has: never an existing file or a
   * symlink someone planted */
  char tmp[64];
  int fd = -1;
  sigset_t old;
  S_block(&old);
  for (int tries = 0; tries < 100 && fd < 0; tries++) {
    S_tmp_name(tmp);
    fd = openat(s->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd >= 0 && s->armed) memcpy(S_sig_tmp, tmp, sizeof tmp);
  int saved = errno;
  S_unblock(&old);
  if (fd < 0) {
    pp_error_set(e, path, 0, "cannot create a temporary file: %s", strerror(saved));
    goto done;
  }
  FILE *f = fdopen(fd, "wb");
  if (!f) {
    saved = errno;
    close(fd);
    S_drop_tmp(s, tmp);
    pp_error_set(e, path, 0, "%s", strerror(saved));
    goto done;
  }
  errno = 0;
  int frc = fill(f, ctx, e);
  saved = errno;
  if (frc == 0) {
    if (fflush(f) != 0 || ferror(f)) {
      frc = -1;
      saved = errno;
    } else if ((s->flags & PP_SPLIT_SYNC) && fsync(fileno(f)) != 0) {
      frc = -1;
      saved = errno;
    }
  }
  if (fclose(f) != 0 && frc == 0) {
    frc = -1;
    saved = errno;
  }
  if (frc != 0) {
    S_drop_tmp(s, tmp);
    if (frc == -2) {
      rc = PP_SPLIT_REFUSED;
    } else {
      pp_error_clear(e);
      pp_error_set(e, path, 0, "write error: %s", strerror(saved ? saved : EIO));
    }
    goto done;
  }
  S_block(&old);
  int mv = S_move(s, tmp, name);
  saved = errno;
  if (mv != 0) unlinkat(s->dirfd, tmp, 0);
  if (s->armed) S_sig_tmp[0] = '\0';
  S_unblock(&old);
  if (mv < 0) {
    pp_error_set(e, path, 0, "cannot rename the temporary file into place: %s", strerror(saved));
  } else if (mv > 0) {
    s->skipped++;
    rc = PP_SPLIT_SKIPPED;
  } else {
    s->written++;
    rc = PP_SPLIT_WRITTEN;
  }
done:
  free(name);
  free(path);
  return rc;
}

int pp_split_finish(pp_split *s, pp_error *e) {
  if (s->written == 0) return 0;
  if (!(s->flags & PP_SPLIT_SYNC) && syncfs(s->dirfd) != 0) {
    pp_error_set(e, s->dir, 0, "cannot write the files to disk: %s", strerror(errno));
    return -1;
  }
  if (fsync(s->dirfd) != 0 && errno != EINVAL && errno != EROFS) {
    pp_error_set(e, s->dir, 0, "cannot write the directory to disk: %s", strerror(errno));
    return -1;
  }
  return 0;
}

void pp_split_free(pp_split *s) {
  if (!s) return;
  S_disarm(s);
  close(s->dirfd);
  free(s->dir);
  free(s->ext);
  free(s->seen);
  free(s);
}
