/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nvtest.h: what the C test clients of the VM scenarios share. A client
 * prints one "ok WHAT" or "not ok WHAT" line per check on stdout; the
 * scenario turns each into a numbered result of its own (tests/vm/lib.sh).
 * A client exits with nvtest_failed: 0 if every check passed.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#ifndef NVTEST_H
#define NVTEST_H

#include <stdio.h>

/* set by a failed CHECK() */
static int nvtest_failed;

/* CHECK(cond, fmt, ...): print "ok" or "not ok", then the description */
#define CHECK(cond, ...) do {						\
	if (cond) {							\
		printf("ok ");						\
	} else {							\
		printf("not ok ");					\
		nvtest_failed = 1;					\
	}								\
	printf(__VA_ARGS__);						\
	printf("\n");							\
} while (0)

#endif /* NVTEST_H */
