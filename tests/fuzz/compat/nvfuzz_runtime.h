/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few out-of-line pieces the compat headers need, implemented in
 * tests/fuzz/kernel_stubs.c: a log sink, a fatal "this would be a kernel
 * bug" exit, and a simulated clock that advances only when the code under
 * test sleeps or waits, so that every timeout loop ends after a bounded
 * number of iterations without real time passing.
 */
#ifndef __NVFUZZ_RUNTIME_H
#define __NVFUZZ_RUNTIME_H

#include <linux/types.h>

struct device;

/* print to stderr when NVFUZZ_VERBOSE is set; always format the arguments */
__printf(3, 4) void nvfuzz_log(const char *level, const struct device *dev,
			       const char *fmt, ...);
/* a condition the kernel would WARN/BUG on, or a deadlock: abort */
__printf(1, 2) __noreturn void nvfuzz_bug(const char *fmt, ...);
/* the simulated clock, in ns */
u64 nvfuzz_now_ns(void);
void nvfuzz_sleep_ns(u64 ns);
/*
 * for the harness: run after every sleep of the code under test, the time
 * the firmware gets to do its share (NULL: nothing runs meanwhile)
 */
extern void (*nvfuzz_sleep_hook)(void);

/*
 * Allocation failure injection: the @n-th kmalloc() (or harness-provided
 * DMA allocation) from now fails (0: none), so that the -ENOMEM paths and
 * their cleanup run too.
 */
void nvfuzz_fail_alloc_at(unsigned int n);
bool nvfuzz_alloc_fails(void);

/*
 * memcpy of the code under test, see compat/linux/string.h, and the end of
 * its own copy loops, see compat/linux/instrumented.h
 */
void *nvfuzz_dma_memcpy(void *dst, const void *src, size_t n);
void nvfuzz_dma_copied(const void *src, size_t n);

/* get_random_*(): a generator reseeded for every input */
u64 nvfuzz_random_u64(void);
void nvfuzz_random_seed(u64 seed);

/* for the harness: run the queued work items, as the kernel's worker */
void nvfuzz_run_work(void);
bool nvfuzz_work_pending(void);

/* for the harness: start an input with a fresh clock budget */
void nvfuzz_clock_reset(void);
/* for the harness: print log lines (NVFUZZ_VERBOSE=1 in the environment) */
extern bool nvfuzz_verbose;

#endif
