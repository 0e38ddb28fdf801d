/* pp_batch.h - an ordered parallel map: jobs run on N worker threads, their
 * results are handed back on the caller's thread in submission order.
 *
 * The caller submits jobs one by one (pp_batch_submit); a worker runs
 * work(job, ctx) on each; the caller's thread runs sink(job, ctx) on the
 * finished jobs strictly in the order they were submitted, and frees them
 * with free_job. At most 4 x N jobs are in flight, so memory does not grow
 * with the number of jobs. With N = 1 there are no threads: submit runs
 * work and sink at once, so -j 1 and -j N give the same sequence of sinks.
 *
 * work must be thread-safe: it may only read shared data that no thread
 * writes while the batch runs (the loaded language pack, the options).
 */
#ifndef PP_BATCH_H
#define PP_BATCH_H

typedef struct pp_batch pp_batch;

typedef void (*pp_batch_work_fn)(void *job, void *ctx);
/* Returns 0, or -1 to stop the batch (no more sinks; pp_batch_submit
 * returns -1 and the jobs still in flight are dropped). */
typedef int (*pp_batch_sink_fn)(void *job, void *ctx);
typedef void (*pp_batch_free_fn)(void *job);

/* jobs < 1 counts as 1. Returns NULL when a thread cannot be started. */
pp_batch *pp_batch_new(int jobs, pp_batch_work_fn work, pp_batch_sink_fn sink,
                       pp_batch_free_fn free_job, void *ctx);
/* Takes job. Sinks the finished jobs at the head of the queue; waits when
 * the queue is full. Returns 0, or -1 once a sink asked to stop. */
int pp_batch_submit(pp_batch *b, void *job);
/* Waits for the jobs in flight and sinks them in order (drain = 1), or
 * drops the ones not yet sunk once the running ones end (drain = 0: an
 * interruption). Returns 0, or -1 when a sink asked to stop. */
int pp_batch_finish(pp_batch *b, int drain);
/* Finishes without draining if needed, joins the threads, frees. */
void pp_batch_free(pp_batch *b);

#endif
