#include "pp_batch.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include "pp_util.h"

/* The jobs in flight sit in a ring of 4 x N slots: seq % cap. Three
 * counters cut the sequence: [sunk, taken) taken by workers (done or not),
 * [taken, submitted) waiting for a worker. */
typedef struct {
  void *job;
  int done;
} S_slot;

struct pp_batch {
  int nthreads;
  pp_batch_work_fn work;
  pp_batch_sink_fn sink;
  pp_batch_free_fn free_job;
  void *ctx;
  S_slot *ring;
  size_t cap;
  size_t sunk, taken, submitted;
  int quit;    /* workers take no more jobs */
  int stopped; /* a sink asked to stop */
  int finished;
  pthread_mutex_t mu;
  pthread_cond_t work_cv; /* a job to take, or quit */
  pthread_cond_t done_cv; /* a job done */
  pthread_t *threads;
};

static void *S_worker(void *arg) {
  pp_batch *b = arg;
  pthread_mutex_lock(&b->mu);
  for (;;) {
    while (!b->quit && b->taken == b->submitted) pthread_cond_wait(&b->work_cv, &b->mu);
    if (b->quit) break;
    S_slot *s = &b->ring[b->taken % b->cap];
    b->taken++;
    pthread_mutex_unlock(&b->mu);
    b->work(s->job, b->ctx);
    pthread_mutex_lock(&b->mu);
    s->done = 1;
    pthread_cond_broadcast(&b->done_cv);
  }
  pthread_mutex_unlock(&b->mu);
  return NULL;
}

pp_batch *pp_batch_new(int jobs, pp_batch_work_fn work, pp_batch_sink_fn sink,
                       pp_batch_free_fn free_job, void *ctx) {
  pp_batch *b = pp_xcalloc(1, sizeof *b);
  b->work = work;
  b->sink = sink;
  b->free_job = free_job;
  b->ctx = ctx;
  if (jobs <= 1) return b;
  b->cap = 4 * (size_t)jobs;
  b->ring = pp_xcalloc(b->cap, sizeof *b->ring);
  pthread_mutex_init(&b->mu, NULL);
  pthread_cond_init(&b->work_cv, NULL);
  pthread_cond_init(&b->done_cv, NULL);
  b->threads = pp_xcalloc((size_t)jobs, sizeof *b->threads);
  /* the workers leave signals to the caller's thread */
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  for (int k = 0; k < jobs; k++) {
    if (pthread_create(&b->threads[k], NULL, S_worker, b) != 0) break;
    b->nthreads++;
  }
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (b->nthreads < jobs) {
    pp_batch_free(b);
    return NULL;
  }
  return b;
}

/* Sinks the done jobs at the head (with the lock held; the sink runs
 * unlocked). wait: block until at least the head is done. */
static void S_sink_head(pp_batch *b, int wait) {
  while (b->sunk < b->submitted && !b->stopped) {
    S_slot *s = &b->ring[b->sunk % b->cap];
    if (!s->done) {
      if (!wait) return;
      pthread_cond_wait(&b->done_cv, &b->mu);
      continue;
    }
    void *job = s->job;
    s->job = NULL;
    s->done = 0;
    b->sunk++;
    wait = 0;
    pthread_mutex_unlock(&b->mu);
    int rc = b->sink(job, b->ctx);
    b->free_job(job);
    pthread_mutex_lock(&b->mu);
    if (rc < 0) b->stopped = 1;
  }
}

int pp_batch_submit(pp_batch *b, void *job) {
  if (b->stopped) {
    b->free_job(job);
    return -1;
  }
  if (!b->threads) {
    b->work(job, b->ctx);
    int rc = b->sink(job, b->ctx);
    b->free_job(job);
    if (rc < 0) b->stopped = 1;
    return rc < 0 ? -1 : 0;
  }
  pthread_mutex_lock(&b->mu);
  S_sink_head(b, 0);
  while (!b->stopped && b->submitted - b->sunk == b->cap) S_sink_head(b, 1);
  if (b->stopped) {
    pthread_mutex_unlock(&b->mu);
    b->free_job(job);
    return -1;
  }
  S_slot *s = &b->ring[b->submitted % b->cap];
  s->job = job;
  s->done = 0;
  b->submitted++;
  pthread_cond_signal(&b->work_cv);
  pthread_mutex_unlock(&b->mu);
  return 0;
}

int pp_batch_finish(pp_batch *b, int drain) {
  if (b->finished) return b->stopped ? -1 : 0;
  b->finished = 1;
  if (!b->threads) return b->stopped ? -1 : 0;
  pthread_mutex_lock(&b->mu);
  if (drain) {
    while (b->sunk < b->submitted && !b->stopped) S_sink_head(b, 1);
  }
  /* no more work: the running jobs end, the waiting ones are dropped */
  b->quit = 1;
  pthread_cond_broadcast(&b->work_cv);
  pthread_mutex_unlock(&b->mu);
  for (int k = 0; k < b->nthreads; k++) pthread_join(b->threads[k], NULL);
  b->nthreads = 0;
  for (; b->sunk < b->submitted; b->sunk++) {
    S_slot *s = &b->ring[b->sunk % b->cap];
    b->free_job(s->job);
    s->job = NULL;
  }
  return b->stopped ? -1 : 0;
}

void pp_batch_free(pp_batch *b) {
  if (!b) return;
  if (b->threads) {
    b->finished = 0; /* a failed start joins the threads that did start */
    pp_batch_finish(b, 0);
    pthread_mutex_destroy(&b->mu);
    pthread_cond_destroy(&b->work_cv);
    pthread_cond_destroy(&b->done_cv);
  }
  free(b->threads);
  free(b->ring);
  free(b);
}
