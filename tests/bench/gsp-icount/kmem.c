// SPDX-License-Identifier: GPL-2.0
/*
 * memcpy() and memset() for the instruction count, as the kernel's x86-64
 * memcpy_orig and memset_orig do them (arch/x86/lib/memcpy_64.S,
 * memset_64.S, without FSRM or ERMS): 64-bit moves, 32 bytes a loop for
 * copies and 64 for stores. Defined in the program, they take the place of
 * libc's for the transport, the peer and the floor alike.
 *
 * libc's own are no yardstick under callgrind: its memcpy() of 64 KiB is a
 * rep movsb, one instruction a byte to callgrind, while 16 bytes more take
 * its vector loop, 10 times fewer. Compiled with -fno-builtin and without
 * loop-to-call distribution, so that these loops stay loops.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#include <linux/types.h>

/* unaligned 64-bit words, as the kernel's movq reads and writes them */
typedef u64 __attribute__((__may_alias__)) __aligned(1) kmem_u64;

void *memcpy(void *dst, const void *src, size_t n)
{
	const unsigned char *s = src;
	unsigned char *d = dst;

	while (n >= 32) {
		u64 a = ((const kmem_u64 *)s)[0];
		u64 b = ((const kmem_u64 *)s)[1];
		u64 c = ((const kmem_u64 *)s)[2];
		u64 e = ((const kmem_u64 *)s)[3];

		((kmem_u64 *)d)[0] = a;
		((kmem_u64 *)d)[1] = b;
		((kmem_u64 *)d)[2] = c;
		((kmem_u64 *)d)[3] = e;
		s += 32;
		d += 32;
		n -= 32;
	}
	while (n >= 8) {
		*(kmem_u64 *)d = *(const kmem_u64 *)s;
		s += 8;
		d += 8;
		n -= 8;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	u64 v = 0x0101010101010101ULL * (unsigned char)c;
	unsigned char *d = dst;

	while (n >= 64) {
		((kmem_u64 *)d)[0] = v;
		((kmem_u64 *)d)[1] = v;
		((kmem_u64 *)d)[2] = v;
		((kmem_u64 *)d)[3] = v;
		((kmem_u64 *)d)[4] = v;
		((kmem_u64 *)d)[5] = v;
		((kmem_u64 *)d)[6] = v;
		((kmem_u64 *)d)[7] = v;
		d += 64;
		n -= 64;
	}
	while (n >= 8) {
		*(kmem_u64 *)d = v;
		d += 8;
		n -= 8;
	}
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}
