// SPDX-License-Identifier: GPL-2.0
/*
 * Out-of-line part of the userspace compat layer (compat/): log sink, bug
 * exit and the simulated clock.
 *
 * The clock only moves when the code under test sleeps or waits, so every
 * timeout loop in the transport ends after a bounded number of iterations
 * and a run is reproducible. A loop that burns more than a minute of
 * simulated time in one input cannot be a bounded wait: that is reported as
 * a hang, well before libFuzzer's wall-clock -timeout would.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <sanitizer/common_interface_defs.h>

#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/workqueue.h>

#include "compat/nvfuzz_runtime.h"

#define NVFUZZ_TIME_BUDGET_NS	(60ULL * NSEC_PER_SEC)

bool nvfuzz_verbose;
void (*nvfuzz_sleep_hook)(void);
/* jiffies do not start at 0 in the kernel either */
static u64 nvfuzz_clock_ns = NSEC_PER_SEC;
static u64 nvfuzz_clock_start_ns;
static unsigned int nvfuzz_alloc_countdown;
static u64 nvfuzz_random_state = 1;

void nvfuzz_log(const char *level, const struct device *dev,
		const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	/* format always: the sanitizers check each argument on the way */
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (nvfuzz_verbose)
		fprintf(stderr, "[%s] %s%s%s", level,
			dev ? dev_name(dev) : "", dev ? ": " : "", buf);
}

void nvfuzz_bug(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "==nvfuzz== kernel bug: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	__sanitizer_print_stack_trace();
	abort();
}

u64 nvfuzz_now_ns(void)
{
	return nvfuzz_clock_ns;
}

void nvfuzz_sleep_ns(u64 ns)
{
	nvfuzz_clock_ns += ns ? ns : 1;
	if (nvfuzz_clock_ns - nvfuzz_clock_start_ns > NVFUZZ_TIME_BUDGET_NS)
		nvfuzz_bug("hang: %llu s of simulated time spent waiting in one input",
			   (nvfuzz_clock_ns - nvfuzz_clock_start_ns) / NSEC_PER_SEC);
	if (nvfuzz_sleep_hook)
		nvfuzz_sleep_hook();
}

void nvfuzz_fail_alloc_at(unsigned int n)
{
	nvfuzz_alloc_countdown = n;
}

bool nvfuzz_alloc_fails(void)
{
	return nvfuzz_alloc_countdown && !--nvfuzz_alloc_countdown;
}

/* the one workqueue, first in first out */
static struct work_struct *nvfuzz_work_head;

bool schedule_work(struct work_struct *work)
{
	struct work_struct **p = &nvfuzz_work_head;

	if (work->pending)
		return false;
	while (*p)
		p = &(*p)->next;
	work->pending = true;
	work->next = NULL;
	*p = work;
	return true;
}

bool cancel_work_sync(struct work_struct *work)
{
	struct work_struct **p;

	if (!work->pending)
		return false;
	for (p = &nvfuzz_work_head; *p; p = &(*p)->next) {
		if (*p == work) {
			*p = work->next;
			break;
		}
	}
	work->pending = false;
	return true;
}

bool flush_work(struct work_struct *work)
{
	bool was = work->pending;

	nvfuzz_run_work();
	return was;
}

bool nvfuzz_work_pending(void)
{
	return nvfuzz_work_head;
}

void nvfuzz_run_work(void)
{
	unsigned int n = 0;

	while (nvfuzz_work_head) {
		struct work_struct *work = nvfuzz_work_head;

		nvfuzz_work_head = work->next;
		work->pending = false;
		work->func(work);
		if (++n > 100000)
			nvfuzz_bug("work items requeue themselves without end");
	}
}

/* xorshift64*: reproducible, and good enough for tokens and cookies */
u64 nvfuzz_random_u64(void)
{
	u64 x = nvfuzz_random_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	nvfuzz_random_state = x;
	return x * 0x2545f4914f6cdd1dULL;
}

void nvfuzz_random_seed(u64 seed)
{
	nvfuzz_random_state = seed ? seed : 1;
}

void nvfuzz_clock_reset(void)
{
	/* keep time monotonic across inputs, as jiffies are */
	nvfuzz_clock_start_ns = nvfuzz_clock_ns;
}
