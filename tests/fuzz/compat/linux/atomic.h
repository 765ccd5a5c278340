/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace compat: the atomic_t operations the transport uses, as the
 * compiler's sequentially consistent builtins.
 */
#ifndef __NVFUZZ_LINUX_ATOMIC_H
#define __NVFUZZ_LINUX_ATOMIC_H

#include <linux/types.h>

#define atomic_read(v)		__atomic_load_n(&(v)->counter, __ATOMIC_SEQ_CST)
#define atomic_set(v, i)	__atomic_store_n(&(v)->counter, i, __ATOMIC_SEQ_CST)
#define atomic_inc(v)		((void)__atomic_add_fetch(&(v)->counter, 1, __ATOMIC_SEQ_CST))
#define atomic_inc_return(v)	__atomic_add_fetch(&(v)->counter, 1, __ATOMIC_SEQ_CST)
#define atomic_dec(v)		((void)__atomic_sub_fetch(&(v)->counter, 1, __ATOMIC_SEQ_CST))
#define atomic_dec_and_test(v)	(__atomic_sub_fetch(&(v)->counter, 1, __ATOMIC_SEQ_CST) == 0)
#define smp_mb__after_atomic()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_mb__before_atomic()	__atomic_thread_fence(__ATOMIC_SEQ_CST)

#endif
