// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the nvvgpu mm range allocator.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <kunit/test.h>
#include <linux/prandom.h>
#include <linux/random.h>
#include <linux/sizes.h>

#include "../mm/mm_range.h"

static void mm_test_basic(struct kunit *test)
{
	struct nvvgpu_mm_allocator a;
	u64 s1, s2, s3;

	nvvgpu_mm_init(&a, SZ_128M, SZ_1G);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_alloc(&a, 0, SZ_256M, &s1), -EINVAL);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_alloc(&a, SZ_1M, 0, &s1), -EINVAL);

	/* the first start is aligned up past the host reservation */
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_alloc(&a, SZ_256M + SZ_64M, SZ_256M, &s1), 0);
	KUNIT_EXPECT_EQ(test, s1, (u64)SZ_256M);
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_alloc(&a, SZ_64M, SZ_256M, &s2), 0);
	KUNIT_EXPECT_EQ(test, s2, (u64)SZ_512M + SZ_256M);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_alloc(&a, SZ_256M, SZ_256M, &s3), -ENOSPC);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_used(&a), (u64)SZ_256M + SZ_128M);

	KUNIT_EXPECT_EQ(test, nvvgpu_mm_free(&a, s1), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_free(&a, s1), -ENOENT);
	/* first fit takes the freed hole again */
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_alloc(&a, SZ_256M, SZ_256M, &s3), 0);
	KUNIT_EXPECT_EQ(test, s3, (u64)SZ_256M);
	nvvgpu_mm_fini(&a);
}

static void mm_test_units(struct kunit *test)
{
	struct nvvgpu_mm_allocator a;
	u64 s;
	int i;

	/* channel IDs: unit granularity, odd sizes */
	nvvgpu_mm_init(&a, 64, 2048);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_capacity(&a, 100, 1), 19ULL);
	for (i = 0; i < 19; i++) {
		KUNIT_ASSERT_EQ(test, nvvgpu_mm_alloc(&a, 100, 1, &s), 0);
		KUNIT_EXPECT_EQ(test, s, 64ULL + 100 * i);
	}
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_alloc(&a, 100, 1, &s), -ENOSPC);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_capacity(&a, 84, 1), 1ULL);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_capacity(&a, 85, 1), 0ULL);
	nvvgpu_mm_fini(&a);
}

static void mm_test_full_range(struct kunit *test)
{
	struct nvvgpu_mm_allocator a;
	u64 s;

	nvvgpu_mm_init(&a, 0, SZ_1G);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_capacity(&a, SZ_1G, SZ_1G), 1ULL);
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_alloc(&a, SZ_1G, SZ_1G, &s), 0);
	KUNIT_EXPECT_EQ(test, s, 0ULL);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_capacity(&a, 1, 1), 0ULL);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_alloc(&a, 1, 1, &s), -ENOSPC);
	nvvgpu_mm_fini(&a);
}

/* ranges reserved where they are, as a hand-over adopts them */
static void mm_test_reserve(struct kunit *test)
{
	struct nvvgpu_mm_allocator a;
	struct nvvgpu_mm_range *r;
	u64 s, cap;

	nvvgpu_mm_init(&a, SZ_128M, SZ_1G);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_256M, 0), -EINVAL);

	/* unaligned, in the middle: kept exactly */
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_reserve(&a, SZ_512M + SZ_1M, SZ_64M), 0);
	r = list_first_entry(&a.used, struct nvvgpu_mm_range, link);
	KUNIT_EXPECT_EQ(test, r->start, (u64)SZ_512M + SZ_1M);
	KUNIT_EXPECT_EQ(test, r->size, (u64)SZ_64M);

	/* every way of overlapping it is refused */
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_512M + SZ_1M, SZ_1M), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_512M, SZ_2M), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_512M + SZ_64M, SZ_2M), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_512M + SZ_2M, SZ_1M), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_256M, SZ_512M), -EBUSY);

	/* out of [start, end), overflow included */
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_64M, SZ_1M), -ENOSPC);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_128M - SZ_1M, SZ_2M), -ENOSPC);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_1G - SZ_1M, SZ_2M), -ENOSPC);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_1G, SZ_1M), -ENOSPC);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, U64_MAX - SZ_1M, SZ_2M), -ENOSPC);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_used(&a), (u64)SZ_64M);

	/* its neighbours fit, touching it, at the very ends */
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_512M, SZ_1M), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_512M + SZ_1M + SZ_64M, SZ_1M), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_128M, SZ_1M), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_reserve(&a, SZ_1G - SZ_1M, SZ_1M), 0);

	/* the list stays sorted: allocation and capacity go around them */
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_capacity(&a, SZ_256M, SZ_256M), 1ULL);
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_alloc(&a, SZ_256M, SZ_256M, &s), 0);
	KUNIT_EXPECT_EQ(test, s, (u64)SZ_256M);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_alloc(&a, SZ_256M, SZ_256M, &s), -ENOSPC);
	/* a reserved range is freed like an allocated one */
	cap = nvvgpu_mm_capacity(&a, SZ_64M, SZ_1M);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_free(&a, SZ_512M + SZ_1M), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_capacity(&a, SZ_64M, SZ_1M), cap + 1);
	nvvgpu_mm_fini(&a);
}

/*
 * Property: after any sequence of allocations and frees, capacity() is
 * exactly how many allocations of that shape succeed, and no two allocated
 * ranges overlap. The seed is logged so a failure can be replayed.
 */
static void mm_test_random_capacity(struct kunit *test)
{
	static const u64 sizes[] = { SZ_64M, SZ_256M + SZ_64M, SZ_512M, SZ_1G + SZ_64M };
	struct nvvgpu_mm_allocator a;
	struct rnd_state rnd;
	const int max = 64;
	u64 *starts, *probe;
	int n = 0, i, round;
	u32 seed = get_random_u32();

	starts = kunit_kcalloc(test, max, sizeof(*starts), GFP_KERNEL);
	probe = kunit_kcalloc(test, max, sizeof(*probe), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, starts);
	KUNIT_ASSERT_NOT_NULL(test, probe);
	kunit_info(test, "seed %u\n", seed);
	prandom_seed_state(&rnd, seed);
	nvvgpu_mm_init(&a, SZ_128M, 16ULL * SZ_1G);

	for (round = 0; round < 200; round++) {
		u64 size = sizes[prandom_u32_state(&rnd) % ARRAY_SIZE(sizes)];
		u64 cap, got = 0;
		struct nvvgpu_mm_range *r, *prev = NULL;

		if (n && (prandom_u32_state(&rnd) & 1)) {
			i = prandom_u32_state(&rnd) % n;
			KUNIT_ASSERT_EQ(test, nvvgpu_mm_free(&a, starts[i]), 0);
			starts[i] = starts[--n];
		} else if (n < max &&
			   !nvvgpu_mm_alloc(&a, size, SZ_256M, &starts[n])) {
			n++;
		}

		list_for_each_entry(r, &a.used, link) {
			KUNIT_ASSERT_EQ(test, r->start % SZ_256M, 0ULL);
			if (prev)
				KUNIT_ASSERT_GE(test, r->start, prev->start + prev->size);
			prev = r;
		}

		cap = nvvgpu_mm_capacity(&a, size, SZ_256M);
		while (got < max &&
		       !nvvgpu_mm_alloc(&a, size, SZ_256M, &probe[got]))
			got++;
		KUNIT_ASSERT_EQ_MSG(test, cap, got, "round %d size %llu seed %u",
				    round, size, seed);
		while (got)
			KUNIT_ASSERT_EQ(test, nvvgpu_mm_free(&a, probe[--got]), 0);
	}
	nvvgpu_mm_fini(&a);
}

/* from the top: the highest aligned start of the highest gap that fits */
static void mm_test_top(struct kunit *test)
{
	struct nvvgpu_mm_range r[5];
	struct nvvgpu_mm_allocator a;

	nvvgpu_mm_init(&a, SZ_128M, SZ_1G);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_insert(&a, &r[0], 0, SZ_32M, true), -EINVAL);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_insert(&a, &r[0], SZ_32M, 0, true), -EINVAL);
	/* 64M + 8M ends within a 32M segment of the end, its start aligned */
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_insert(&a, &r[0], SZ_64M + SZ_8M, SZ_32M, true), 0);
	KUNIT_EXPECT_EQ(test, r[0].start, (u64)SZ_1G - SZ_64M - SZ_32M);
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_insert(&a, &r[1], SZ_32M, SZ_32M, false), 0);
	KUNIT_EXPECT_EQ(test, r[1].start, (u64)SZ_128M);
	/* the sliver above r[0] holds nothing aligned: the next goes below it */
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_insert(&a, &r[2], SZ_32M, SZ_32M, true), 0);
	KUNIT_EXPECT_EQ(test, r[2].start, (u64)SZ_1G - SZ_128M);
	/* the highest gap too small: the one below it */
	nvvgpu_mm_remove(&a, &r[0]);
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_insert(&a, &r[0], SZ_128M, SZ_32M, false), 0);
	KUNIT_EXPECT_EQ(test, r[0].start, (u64)SZ_128M + SZ_32M);
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_insert(&a, &r[3], SZ_512M, SZ_32M, true), 0);
	KUNIT_EXPECT_EQ(test, r[3].start, (u64)SZ_256M + SZ_128M);
	/* what is left: 96M below r[3], 96M above r[2] */
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_capacity(&a, SZ_32M, SZ_32M), 6ULL);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_insert(&a, &r[4], SZ_128M, SZ_32M, true), -ENOSPC);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_used(&a), (u64)SZ_512M + SZ_128M + SZ_64M);
	/* exactly placed, at both ends */
	nvvgpu_mm_remove(&a, &r[1]);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_insert_at(&a, &r[1], SZ_128M + SZ_16M, SZ_32M), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_insert_at(&a, &r[1], SZ_128M, SZ_32M), 0);
	nvvgpu_mm_remove(&a, &r[0]);
	nvvgpu_mm_remove(&a, &r[1]);
	nvvgpu_mm_remove(&a, &r[2]);
	nvvgpu_mm_remove(&a, &r[3]);
	KUNIT_EXPECT_TRUE(test, list_empty(&a.used));
	nvvgpu_mm_fini(&a);
}

/*
 * Property: whichever end each range is taken from, capacity() is exactly
 * how many insertions of that shape succeed, from either end, and no two
 * ranges overlap. Unaligned sizes and an unaligned range in the middle
 * (as a hand-over may leave) included.
 */
static void mm_test_random_ends(struct kunit *test)
{
	static const u64 sizes[] = { SZ_32M, SZ_64M + SZ_8M, SZ_512M + SZ_2M,
				     SZ_2G + SZ_64M, SZ_4G + SZ_128M };
	struct nvvgpu_mm_range *nodes, *probe, odd, *r, *prev;
	struct nvvgpu_mm_allocator a;
	const int max = 64;
	const int nprobe = 512;	/* more than 32M ranges fit */
	struct rnd_state rnd;
	u32 seed = get_random_u32();
	int n = 0, i, round;

	nodes = kunit_kcalloc(test, max, sizeof(*nodes), GFP_KERNEL);
	probe = kunit_kcalloc(test, nprobe, sizeof(*probe), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, nodes);
	KUNIT_ASSERT_NOT_NULL(test, probe);
	kunit_info(test, "seed %u\n", seed);
	prandom_seed_state(&rnd, seed);
	nvvgpu_mm_init(&a, SZ_128M, 16ULL * SZ_1G - SZ_512M);
	KUNIT_ASSERT_EQ(test, nvvgpu_mm_insert_at(&a, &odd, 7ULL * SZ_1G + SZ_1M,
						  SZ_4M), 0);

	for (round = 0; round < 300; round++) {
		u64 size = sizes[prandom_u32_state(&rnd) % ARRAY_SIZE(sizes)];
		bool top = prandom_u32_state(&rnd) & 1;
		u64 cap, got = 0;

		if (n && prandom_u32_state(&rnd) % 3 == 0) {
			i = prandom_u32_state(&rnd) % n;
			nvvgpu_mm_remove(&a, &nodes[i]);
			/* keep the placed ones at the front: move the last */
			if (i != --n) {
				nodes[i] = nodes[n];
				list_replace(&nodes[n].link, &nodes[i].link);
			}
		} else if (n < max &&
			   !nvvgpu_mm_insert(&a, &nodes[n], size, SZ_32M, top)) {
			n++;
		}

		prev = NULL;
		list_for_each_entry(r, &a.used, link) {
			if (r != &odd)
				KUNIT_ASSERT_EQ(test, r->start % SZ_32M, 0ULL);
			if (prev)
				KUNIT_ASSERT_GE(test, r->start, prev->start + prev->size);
			prev = r;
		}

		cap = nvvgpu_mm_capacity(&a, size, SZ_32M);
		while (got < nprobe &&
		       !nvvgpu_mm_insert(&a, &probe[got], size, SZ_32M,
					 prandom_u32_state(&rnd) & 1))
			got++;
		KUNIT_ASSERT_EQ_MSG(test, cap, got, "round %d size %llu seed %u",
				    round, size, seed);
		while (got)
			nvvgpu_mm_remove(&a, &probe[--got]);
	}
	while (n)
		nvvgpu_mm_remove(&a, &nodes[--n]);
	nvvgpu_mm_remove(&a, &odd);
	nvvgpu_mm_fini(&a);
}

static struct kunit_case mm_test_cases[] = {
	KUNIT_CASE(mm_test_basic),
	KUNIT_CASE(mm_test_units),
	KUNIT_CASE(mm_test_full_range),
	KUNIT_CASE(mm_test_reserve),
	KUNIT_CASE(mm_test_random_capacity),
	KUNIT_CASE(mm_test_top),
	KUNIT_CASE(mm_test_random_ends),
	{}
};

static struct kunit_suite mm_test_suite = {
	.name = "nvvgpu_mm_range",
	.test_cases = mm_test_cases,
};

kunit_test_suite(mm_test_suite);
