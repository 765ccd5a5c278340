/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace compat: the lockdep assertions hold for real here. */
#ifndef __NVFUZZ_LINUX_LOCKDEP_H
#define __NVFUZZ_LINUX_LOCKDEP_H

#include <linux/mutex.h>

#define lockdep_assert_held(l) do {					\
	if (!(l)->held)							\
		nvfuzz_bug("lockdep: %s not held at %s:%d", #l,		\
			   __FILE__, __LINE__);				\
} while (0)

#define lockdep_assert_not_held(l) do {					\
	if ((l)->held)							\
		nvfuzz_bug("lockdep: %s held at %s:%d", #l,		\
			   __FILE__, __LINE__);				\
} while (0)

#endif
