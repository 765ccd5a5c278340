// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the partition maps of both partition providers: nvvgpu_mm
 * (mm/mm_map.c, through its KUnit exports) and nvvgpu_mm_drm
 * (mm/mm_drm_map.c, compiled in: mm_drm_map_kunit.c, when tests/Kbuild
 * defines NVVGPU_TEST_MM_DRM because it is configured). The same cases run
 * over each, and the hand-over from each to each: an exact rebuild from
 * another map's partitions and export, refused cleanly when a range
 * overlaps or lies outside its space.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <kunit/test.h>
#include <linux/log2.h>
#include <linux/math64.h>
#include <linux/moduleparam.h>
#include <linux/prandom.h>
#include <linux/random.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include "../mm/mm_map.h"
#ifdef NVVGPU_TEST_MM_DRM
#include "mm_drm_map_kunit.h"
#endif

#define MM_TEST_MAX_VGPUS	NVVGPU_MAX_VGPUS_PER_PGPU
#define MM_TEST_MAX_HOST	16
#define MM_TEST_MAX_EXTENTS	256

/* one seed per run of the suite, logged so that a failure replays */
static u32 mm_map_test_seed;
module_param_named(mm_map_seed, mm_map_test_seed, uint, 0444);
MODULE_PARM_DESC(mm_map_seed, "Seed of the nvvgpu_mm_map suite's churn (0: a random one, logged)");

/* the simulated GPU's default board: 16 GiB, 512 MiB of it the firmware's */
static const struct nvvgpu_mm_layout mm_test_layout = {
	.fb_end = 16ULL * SZ_1G - SZ_512M,
	.segment = SZ_32M,
	.host_fb = (u64)NVVGPU_MM_HOST_FB_MB_DEFAULT << 20,
	.num_channels = 2048,
	.host_chids = NVVGPU_MM_HOST_CHANNELS_DEFAULT,
};

/* that board's vGPU types, derived as sim_vgpu_build_types() does */
static const u64 mm_test_type_fb[] = {
	SZ_512M, SZ_1G, SZ_2G, SZ_4G, 8ULL * SZ_1G,
};

#define MM_TEST_TYPES	ARRAY_SIZE(mm_test_type_fb)

static void mm_test_types(struct nvvgpu_vgpu_type *types)
{
	unsigned int i;

	for (i = 0; i < MM_TEST_TYPES; i++) {
		u64 fb = mm_test_type_fb[i];
		u64 heap = ALIGN(SZ_32M + fb / 64, SZ_2M);
		u64 slot = ALIGN(fb, SZ_32M) + ALIGN(heap, SZ_32M);
		u32 max = min_t(u64, div64_u64(mm_test_layout.fb_end, slot),
				NVVGPU_MAX_VGPUS_PER_PGPU);

		memset(&types[i], 0, sizeof(types[i]));
		types[i].id = 941 + i;
		types[i].fb_size = fb;
		types[i].heap_size = heap;
		types[i].max_instances = max;
		types[i].num_channels = min(rounddown_pow_of_two(1536 / max),
					    512UL);
	}
}

/* each map behind one table, so that every case runs over each */
struct mm_test_impl {
	const char *name;
	size_t map_size;
	void (*init)(void *map, const struct nvvgpu_mm_layout *layout);
	void (*fini)(void *map);
	int (*alloc)(void *map, const struct nvvgpu_vgpu_type *type,
		     void **rec, struct nvvgpu_partition *part);
	void (*free)(void *map, void *rec, bool retire);
	u64 (*capacity)(void *map, const struct nvvgpu_vgpu_type *type);
	int (*host_alloc)(void *map, u64 size, u64 *offset);
	int (*host_free)(void *map, u64 offset);
	int (*rebuild)(void *map, const struct nvvgpu_partition *parts,
		       void **recs, unsigned int nparts,
		       const struct nvvgpu_mm_extent *extents,
		       unsigned int nextents);
	int (*export)(void *map,
		      int (*fn)(void *arg, const struct nvvgpu_mm_extent *e),
		      void *arg);
};

static void mm_impl_init(void *map, const struct nvvgpu_mm_layout *layout)
{
	nvvgpu_mm_map_init(map, layout);
}

static void mm_impl_fini(void *map)
{
	nvvgpu_mm_map_fini(map);
}

static int mm_impl_alloc(void *map, const struct nvvgpu_vgpu_type *type,
			 void **rec, struct nvvgpu_partition *part)
{
	struct nvvgpu_mm_vgpu *r;
	int err;

	err = nvvgpu_mm_map_vgpu_alloc(map, type, &r, part);
	if (!err)
		*rec = r;
	return err;
}

static void mm_impl_free(void *map, void *rec, bool retire)
{
	nvvgpu_mm_map_vgpu_free(map, rec, retire);
}

static u64 mm_impl_capacity(void *map, const struct nvvgpu_vgpu_type *type)
{
	return nvvgpu_mm_map_capacity(map, type);
}

static int mm_impl_host_alloc(void *map, u64 size, u64 *offset)
{
	return nvvgpu_mm_map_host_alloc(map, size, offset);
}

static int mm_impl_host_free(void *map, u64 offset)
{
	return nvvgpu_mm_map_host_free(map, offset);
}

static int mm_impl_rebuild(void *map, const struct nvvgpu_partition *parts,
			   void **recs, unsigned int nparts,
			   const struct nvvgpu_mm_extent *extents,
			   unsigned int nextents)
{
	struct nvvgpu_mm_vgpu *r[MM_TEST_MAX_VGPUS] = {};
	unsigned int i;
	int err;

	if (nparts > MM_TEST_MAX_VGPUS)
		return -E2BIG;
	err = nvvgpu_mm_map_rebuild(map, parts, r, nparts, extents, nextents);
	for (i = 0; !err && i < nparts; i++)
		recs[i] = r[i];
	return err;
}

static int mm_impl_export(void *map,
			  int (*fn)(void *arg, const struct nvvgpu_mm_extent *e),
			  void *arg)
{
	return nvvgpu_mm_map_export(map, fn, arg);
}

static const struct mm_test_impl mm_test_impl_mm = {
	.name = "mm",
	.map_size = sizeof(struct nvvgpu_mm_map),
	.init = mm_impl_init,
	.fini = mm_impl_fini,
	.alloc = mm_impl_alloc,
	.free = mm_impl_free,
	.capacity = mm_impl_capacity,
	.host_alloc = mm_impl_host_alloc,
	.host_free = mm_impl_host_free,
	.rebuild = mm_impl_rebuild,
	.export = mm_impl_export,
};

#ifdef NVVGPU_TEST_MM_DRM
static void drm_impl_init(void *map, const struct nvvgpu_mm_layout *layout)
{
	nvvgpu_mm_drm_map_init(map, layout, DRM_MM_INSERT_LOW);
}

static void drm_best_impl_init(void *map, const struct nvvgpu_mm_layout *layout)
{
	nvvgpu_mm_drm_map_init(map, layout, DRM_MM_INSERT_BEST);
}

static void drm_impl_fini(void *map)
{
	nvvgpu_mm_drm_map_fini(map);
}

static int drm_impl_alloc(void *map, const struct nvvgpu_vgpu_type *type,
			  void **rec, struct nvvgpu_partition *part)
{
	struct nvvgpu_mm_drm_vgpu *r;
	int err;

	err = nvvgpu_mm_drm_map_vgpu_alloc(map, type, &r, part);
	if (!err)
		*rec = r;
	return err;
}

static void drm_impl_free(void *map, void *rec, bool retire)
{
	nvvgpu_mm_drm_map_vgpu_free(map, rec, retire);
}

static u64 drm_impl_capacity(void *map, const struct nvvgpu_vgpu_type *type)
{
	return nvvgpu_mm_drm_map_capacity(map, type);
}

static int drm_impl_host_alloc(void *map, u64 size, u64 *offset)
{
	return nvvgpu_mm_drm_map_host_alloc(map, size, offset);
}

static int drm_impl_host_free(void *map, u64 offset)
{
	return nvvgpu_mm_drm_map_host_free(map, offset);
}

static int drm_impl_rebuild(void *map, const struct nvvgpu_partition *parts,
			    void **recs, unsigned int nparts,
			    const struct nvvgpu_mm_extent *extents,
			    unsigned int nextents)
{
	struct nvvgpu_mm_drm_vgpu *r[MM_TEST_MAX_VGPUS] = {};
	unsigned int i;
	int err;

	if (nparts > MM_TEST_MAX_VGPUS)
		return -E2BIG;
	err = nvvgpu_mm_drm_map_rebuild(map, parts, r, nparts, extents,
					nextents);
	for (i = 0; !err && i < nparts; i++)
		recs[i] = r[i];
	return err;
}

static int drm_impl_export(void *map,
			   int (*fn)(void *arg, const struct nvvgpu_mm_extent *e),
			   void *arg)
{
	return nvvgpu_mm_drm_map_export(map, fn, arg);
}

static const struct mm_test_impl mm_test_impl_drm = {
	.name = "mm-drm",
	.map_size = sizeof(struct nvvgpu_mm_drm_map),
	.init = drm_impl_init,
	.fini = drm_impl_fini,
	.alloc = drm_impl_alloc,
	.free = drm_impl_free,
	.capacity = drm_impl_capacity,
	.host_alloc = drm_impl_host_alloc,
	.host_free = drm_impl_host_free,
	.rebuild = drm_impl_rebuild,
	.export = drm_impl_export,
};

/* drm_mm's best fit, which nvvgpu_mm_drm does not use: capacity only */
static const struct mm_test_impl mm_test_impl_drm_best = {
	.name = "mm-drm best fit",
	.map_size = sizeof(struct nvvgpu_mm_drm_map),
	.init = drm_best_impl_init,
	.fini = drm_impl_fini,
	.alloc = drm_impl_alloc,
	.free = drm_impl_free,
	.capacity = drm_impl_capacity,
	.host_alloc = drm_impl_host_alloc,
	.host_free = drm_impl_host_free,
	.rebuild = drm_impl_rebuild,
	.export = drm_impl_export,
};
#endif

/* the providers' maps: first fit by address, as both providers place */
static const struct mm_test_impl *const mm_test_impls[] = {
	&mm_test_impl_mm,
#ifdef NVVGPU_TEST_MM_DRM
	&mm_test_impl_drm,
#endif
};

/* and with drm_mm's best fit, for the capacity's exactness */
static const struct mm_test_impl *const mm_test_all_impls[] = {
	&mm_test_impl_mm,
#ifdef NVVGPU_TEST_MM_DRM
	&mm_test_impl_drm,
	&mm_test_impl_drm_best,
#endif
};

static void mm_test_impl_desc(const struct mm_test_impl *const *impl,
			      char *desc)
{
	strscpy(desc, (*impl)->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(mm_test_impl, mm_test_impls, mm_test_impl_desc);
KUNIT_ARRAY_PARAM(mm_test_all_impl, mm_test_all_impls, mm_test_impl_desc);

/* hand-overs from each provider's map to each */
struct mm_test_pair {
	const struct mm_test_impl *from;
	const struct mm_test_impl *to;
};

static const struct mm_test_pair mm_test_pairs[] = {
	{ &mm_test_impl_mm, &mm_test_impl_mm },
#ifdef NVVGPU_TEST_MM_DRM
	{ &mm_test_impl_mm, &mm_test_impl_drm },
	{ &mm_test_impl_drm, &mm_test_impl_mm },
	{ &mm_test_impl_drm, &mm_test_impl_drm },
#endif
};

static void mm_test_pair_desc(const struct mm_test_pair *p, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s to %s", p->from->name,
		 p->to->name);
}

KUNIT_ARRAY_PARAM(mm_test_pair, mm_test_pairs, mm_test_pair_desc);

/* a map with its live vGPUs and host windows */
struct mm_test_state {
	const struct mm_test_impl *impl;
	void *map;
	struct nvvgpu_vgpu_type types[MM_TEST_TYPES];
	void *rec[MM_TEST_MAX_VGPUS];
	struct nvvgpu_partition part[MM_TEST_MAX_VGPUS];
	unsigned int n;
	u64 host[MM_TEST_MAX_HOST];
	unsigned int nhost;
};

static struct mm_test_state *mm_test_state_new(struct kunit *test,
					       const struct mm_test_impl *impl,
					       const struct nvvgpu_mm_layout *l)
{
	struct mm_test_state *st;

	st = kunit_kzalloc(test, sizeof(*st), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, st);
	st->map = kunit_kzalloc(test, impl->map_size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, st->map);
	st->impl = impl;
	mm_test_types(st->types);
	impl->init(st->map, l);
	return st;
}

/* release everything and tear the map down */
static void mm_test_state_fini(struct mm_test_state *st)
{
	while (st->n)
		st->impl->free(st->map, st->rec[--st->n], false);
	while (st->nhost)
		st->impl->host_free(st->map, st->host[--st->nhost]);
	st->impl->fini(st->map);
}

static void mm_test_remove(struct mm_test_state *st, unsigned int i,
			   bool retire)
{
	st->impl->free(st->map, st->rec[i], retire);
	st->n--;
	st->rec[i] = st->rec[st->n];
	st->part[i] = st->part[st->n];
}

/*
 * @steps random steps: vGPUs of random types created and removed, now and
 * then one removed with its FB retired, host windows of 64 KiB to 4 MiB
 * placed and freed
 */
static void mm_test_churn(struct kunit *test, struct mm_test_state *st,
			  struct rnd_state *rnd, unsigned int steps)
{
	unsigned int step;

	for (step = 0; step < steps; step++) {
		u32 r = prandom_u32_state(rnd) % 100;

		if (r < 10 && st->nhost < MM_TEST_MAX_HOST) {
			u64 size = (u64)SZ_64K << (prandom_u32_state(rnd) % 7);

			if (!st->impl->host_alloc(st->map, size,
						  &st->host[st->nhost]))
				st->nhost++;
		} else if (r < 15 && st->nhost) {
			unsigned int i = prandom_u32_state(rnd) % st->nhost;

			KUNIT_ASSERT_EQ(test, st->impl->host_free(st->map, st->host[i]), 0);
			st->host[i] = st->host[--st->nhost];
		} else if (r < 55 && st->n) {
			unsigned int i = prandom_u32_state(rnd) % st->n;

			mm_test_remove(st, i, prandom_u32_state(rnd) % 64 == 0);
		} else if (st->n < MM_TEST_MAX_VGPUS) {
			const struct nvvgpu_vgpu_type *t =
				&st->types[prandom_u32_state(rnd) % MM_TEST_TYPES];

			if (!st->impl->alloc(st->map, t, &st->rec[st->n],
					     &st->part[st->n]))
				st->n++;
		}
	}
}

struct mm_test_export {
	struct nvvgpu_mm_extent e[MM_TEST_MAX_EXTENTS];
	unsigned int n;
};

static int mm_test_collect(void *arg, const struct nvvgpu_mm_extent *e)
{
	struct mm_test_export *x = arg;

	if (x->n == ARRAY_SIZE(x->e))
		return -E2BIG;
	x->e[x->n++] = *e;
	return 0;
}

static struct mm_test_export *mm_test_export(struct kunit *test,
					     struct mm_test_state *st)
{
	struct mm_test_export *x;

	x = kunit_kzalloc(test, sizeof(*x), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, x);
	KUNIT_ASSERT_EQ(test, st->impl->export(st->map, mm_test_collect, x), 0);
	return x;
}

static void mm_test_expect_same_export(struct kunit *test,
				       const struct mm_test_export *a,
				       const struct mm_test_export *b)
{
	unsigned int i;

	KUNIT_ASSERT_EQ(test, a->n, b->n);
	for (i = 0; i < a->n; i++) {
		KUNIT_EXPECT_EQ_MSG(test, a->e[i].use, b->e[i].use, "extent %u", i);
		KUNIT_EXPECT_EQ_MSG(test, a->e[i].start, b->e[i].start, "extent %u", i);
		KUNIT_EXPECT_EQ_MSG(test, a->e[i].size, b->e[i].size, "extent %u", i);
	}
}

/* every type's capacity in @a and @b */
static void mm_test_expect_same_capacity(struct kunit *test,
					 struct mm_test_state *a,
					 struct mm_test_state *b)
{
	unsigned int i;

	for (i = 0; i < MM_TEST_TYPES; i++)
		KUNIT_EXPECT_EQ_MSG(test, a->impl->capacity(a->map, &a->types[i]),
				    b->impl->capacity(b->map, &b->types[i]),
				    "type %u (%llu MiB)", i,
				    a->types[i].fb_size >> 20);
}

/* the capacity of @t is how many allocations of it succeed now */
static void mm_test_expect_exact(struct kunit *test, struct mm_test_state *st,
				 const struct nvvgpu_vgpu_type *t, u32 seed)
{
	void *rec[MM_TEST_MAX_VGPUS];
	struct nvvgpu_partition part;
	u64 cap = st->impl->capacity(st->map, t);
	unsigned int got = 0;

	while (got < MM_TEST_MAX_VGPUS &&
	       !st->impl->alloc(st->map, t, &rec[got], &part))
		got++;
	KUNIT_EXPECT_EQ_MSG(test, cap, (u64)got, "%s: %llu MiB type, seed %u",
			    st->impl->name, t->fb_size >> 20, seed);
	while (got)
		st->impl->free(st->map, rec[--got], false);
}

/*
 * The export's ranges lie in their spaces, in order, without overlap;
 * vGPU chunks start on a segment.
 */
static void mm_test_expect_sane(struct kunit *test,
				const struct mm_test_export *x,
				const struct nvvgpu_mm_layout *l)
{
	u64 lo, hi, end = 0;
	int space = -1, s;
	unsigned int i;

	for (i = 0; i < x->n; i++) {
		const struct nvvgpu_mm_extent *e = &x->e[i];

		switch (e->use) {
		case NVVGPU_MM_USE_HOST_FB:
			s = 1;
			lo = 0;
			hi = l->host_fb;
			break;
		case NVVGPU_MM_USE_VGPU_CHID:
			s = 2;
			lo = l->host_chids;
			hi = l->num_channels;
			break;
		default:
			s = 0;
			lo = l->host_fb;
			hi = l->fb_end;
			break;
		}
		KUNIT_ASSERT_GE_MSG(test, s, space, "extent %u out of order", i);
		if (s != space)
			end = lo;
		space = s;
		KUNIT_EXPECT_GE_MSG(test, e->start, end, "extent %u overlaps", i);
		KUNIT_EXPECT_LE(test, e->start + e->size, hi);
		if (e->use == NVVGPU_MM_USE_VGPU_FB)
			KUNIT_EXPECT_EQ(test, e->start % l->segment, 0ULL);
		end = e->start + e->size;
	}
}

/*
 * Property: after any churn, each type's capacity is exactly how many
 * vGPUs of it can still be placed, and what is placed is sane.
 */
static void mm_map_test_capacity_exact(struct kunit *test)
{
	const struct mm_test_impl *impl =
		*(const struct mm_test_impl *const *)test->param_value;
	struct mm_test_state *st;
	struct rnd_state rnd;
	unsigned int round;

	prandom_seed_state(&rnd, mm_map_test_seed);
	st = mm_test_state_new(test, impl, &mm_test_layout);
	for (round = 0; round < 150; round++) {
		const struct nvvgpu_vgpu_type *t =
			&st->types[prandom_u32_state(&rnd) % MM_TEST_TYPES];

		mm_test_churn(test, st, &rnd, 4);
		mm_test_expect_sane(test, mm_test_export(test, st),
				    &mm_test_layout);
		mm_test_expect_exact(test, st, t, mm_map_test_seed);
	}
	mm_test_state_fini(st);
}

/* the ranges no vGPU holds, which a rebuild takes besides the partitions */
static unsigned int mm_test_unowned(const struct mm_test_export *x,
				    struct nvvgpu_mm_extent *out)
{
	unsigned int i, n = 0;

	for (i = 0; i < x->n; i++)
		if (x->e[i].use == NVVGPU_MM_USE_RETIRED ||
		    x->e[i].use == NVVGPU_MM_USE_HOST_FB)
			out[n++] = x->e[i];
	return n;
}

/* a map of @to rebuilt from the partitions and export of @from */
static struct mm_test_state *mm_test_handover(struct kunit *test,
					      struct mm_test_state *from,
					      const struct mm_test_impl *to)
{
	struct mm_test_export *x = mm_test_export(test, from);
	struct nvvgpu_mm_extent *extents;
	struct mm_test_state *st;
	unsigned int n, i;

	extents = kunit_kcalloc(test, MM_TEST_MAX_EXTENTS, sizeof(*extents),
				GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, extents);
	n = mm_test_unowned(x, extents);
	st = mm_test_state_new(test, to, &mm_test_layout);
	KUNIT_ASSERT_EQ(test, to->rebuild(st->map, from->part, st->rec, from->n,
					  extents, n), 0);
	st->n = from->n;
	memcpy(st->part, from->part, sizeof(st->part));
	for (i = 0; i < st->n; i++)
		KUNIT_EXPECT_NOT_NULL(test, st->rec[i]);
	st->nhost = from->nhost;
	memcpy(st->host, from->host, sizeof(st->host));
	return st;
}

/*
 * A hand-over keeps every offset and every type's capacity: the rebuilt
 * map exports what the first did, answers type_capacity() the same, then
 * places the next vGPUs where the first would, and frees adopted vGPUs.
 */
static void mm_map_test_handover(struct kunit *test)
{
	const struct mm_test_pair *pair = test->param_value;
	struct mm_test_state *a, *b;
	struct rnd_state rnd;
	unsigned int i;

	prandom_seed_state(&rnd, mm_map_test_seed);
	a = mm_test_state_new(test, pair->from, &mm_test_layout);
	/* a few retired ranges among the rest */
	mm_test_churn(test, a, &rnd, 200);
	for (i = 0; i < 2 && a->n > 1; i++)
		mm_test_remove(a, 0, true);
	mm_test_churn(test, a, &rnd, 20);
	/* the churn may have left none: a map with no vGPU holds any type */
	for (i = 0; !a->n && i < MM_TEST_TYPES; i++)
		if (!a->impl->alloc(a->map, &a->types[i], &a->rec[0], &a->part[0]))
			a->n = 1;
	KUNIT_ASSERT_GT(test, a->n, 0U);
	kunit_info(test, "%u vGPUs, %u host windows, seed %u\n", a->n,
		   a->nhost, mm_map_test_seed);

	b = mm_test_handover(test, a, pair->to);
	mm_test_expect_same_export(test, mm_test_export(test, a),
				   mm_test_export(test, b));
	mm_test_expect_same_capacity(test, a, b);

	/* the next vGPUs land alike, in both directions of churn */
	for (i = 0; i < MM_TEST_TYPES && a->n < MM_TEST_MAX_VGPUS; i++) {
		int ea = a->impl->alloc(a->map, &a->types[i], &a->rec[a->n],
					&a->part[a->n]);
		int eb = b->impl->alloc(b->map, &b->types[i], &b->rec[b->n],
					&b->part[b->n]);

		KUNIT_ASSERT_EQ(test, ea, eb);
		if (ea)
			continue;
		KUNIT_EXPECT_EQ(test, a->part[a->n].fb_offset, b->part[b->n].fb_offset);
		KUNIT_EXPECT_EQ(test, a->part[a->n].chid_base, b->part[b->n].chid_base);
		a->n++;
		b->n++;
	}
	/* adopted vGPUs go away as allocated ones do */
	for (i = 0; i < 3 && a->n; i++) {
		mm_test_remove(a, 0, false);
		mm_test_remove(b, 0, false);
	}
	mm_test_expect_same_export(test, mm_test_export(test, a),
				   mm_test_export(test, b));
	mm_test_expect_same_capacity(test, a, b);
	/*
	 * The outgoing provider's detach: its map goes with the records of
	 * vGPUs that live on (a leak would show in kmemleak, a node left in
	 * drm_mm in drm_mm_takedown()'s warning)
	 */
	a->impl->fini(a->map);
	mm_test_state_fini(b);
}

/* exact offsets: unaligned, at both ends of each space, a heap apart */
static const struct nvvgpu_partition mm_test_exact_parts[] = {
	{
		.fb_offset = SZ_1G + SZ_2M, .fb_size = SZ_512M,
		.heap_offset = SZ_1G + SZ_2M + SZ_512M, .heap_size = SZ_64M,
		.chid_base = 100, .chid_count = 32,
	}, {
		.fb_offset = 4ULL * SZ_1G, .fb_size = SZ_1G,
		.heap_offset = 12ULL * SZ_1G, .heap_size = SZ_64M,
		.chid_base = NVVGPU_MM_HOST_CHANNELS_DEFAULT, .chid_count = 32,
	}, {
		.fb_offset = 16ULL * SZ_1G - SZ_512M - SZ_2G - SZ_64M,
		.fb_size = SZ_2G,
		.heap_offset = 16ULL * SZ_1G - SZ_512M - SZ_64M,
		.heap_size = SZ_64M,
		.chid_base = 2048 - 128, .chid_count = 128,
	}, {
		.fb_offset = SZ_128M, .fb_size = SZ_32M,
		.chid_base = 132, .chid_count = 1,
	},
};

static const struct nvvgpu_mm_extent mm_test_exact_extents[] = {
	{ NVVGPU_MM_USE_HOST_FB, 0, SZ_64K },
	{ NVVGPU_MM_USE_HOST_FB, SZ_128M - SZ_2M, SZ_2M },
	{ NVVGPU_MM_USE_RETIRED, 8ULL * SZ_1G + SZ_1M, SZ_32M },
};

/* what the map must export after the rebuild, in its order */
static const struct nvvgpu_mm_extent mm_test_exact_export[] = {
	{ NVVGPU_MM_USE_VGPU_FB, SZ_128M, SZ_32M },
	{ NVVGPU_MM_USE_VGPU_FB, SZ_1G + SZ_2M, SZ_512M + SZ_64M },
	{ NVVGPU_MM_USE_VGPU_FB, 4ULL * SZ_1G, SZ_1G },
	{ NVVGPU_MM_USE_RETIRED, 8ULL * SZ_1G + SZ_1M, SZ_32M },
	{ NVVGPU_MM_USE_VGPU_FB, 12ULL * SZ_1G, SZ_64M },
	{ NVVGPU_MM_USE_VGPU_FB, 16ULL * SZ_1G - SZ_512M - SZ_2G - SZ_64M,
	  SZ_2G + SZ_64M },
	{ NVVGPU_MM_USE_HOST_FB, 0, SZ_64K },
	{ NVVGPU_MM_USE_HOST_FB, SZ_128M - SZ_2M, SZ_2M },
	{ NVVGPU_MM_USE_VGPU_CHID, NVVGPU_MM_HOST_CHANNELS_DEFAULT, 32 },
	{ NVVGPU_MM_USE_VGPU_CHID, 100, 32 },
	{ NVVGPU_MM_USE_VGPU_CHID, 132, 1 },
	{ NVVGPU_MM_USE_VGPU_CHID, 2048 - 128, 128 },
};

/*
 * A rebuild reserves exactly the given ranges, however they lie; capacity
 * stays exact around them, and adopted vGPUs free what they held.
 */
static void mm_map_test_rebuild_exact(struct kunit *test)
{
	const struct mm_test_impl *impl =
		*(const struct mm_test_impl *const *)test->param_value;
	struct mm_test_export *x, *want;
	struct mm_test_state *st;
	unsigned int i;

	st = mm_test_state_new(test, impl, &mm_test_layout);
	KUNIT_ASSERT_EQ(test, impl->rebuild(st->map, mm_test_exact_parts,
					    st->rec,
					    ARRAY_SIZE(mm_test_exact_parts),
					    mm_test_exact_extents,
					    ARRAY_SIZE(mm_test_exact_extents)), 0);
	st->n = ARRAY_SIZE(mm_test_exact_parts);
	memcpy(st->part, mm_test_exact_parts, sizeof(mm_test_exact_parts));
	st->host[st->nhost++] = 0;
	st->host[st->nhost++] = SZ_128M - SZ_2M;

	want = kunit_kzalloc(test, sizeof(*want), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, want);
	want->n = ARRAY_SIZE(mm_test_exact_export);
	memcpy(want->e, mm_test_exact_export, sizeof(mm_test_exact_export));
	x = mm_test_export(test, st);
	mm_test_expect_same_export(test, x, want);

	for (i = 0; i < MM_TEST_TYPES; i++)
		mm_test_expect_exact(test, st, &st->types[i], 0);

	/* the vGPU with its heap apart releases both */
	mm_test_remove(st, 1, false);
	x = mm_test_export(test, st);
	for (i = 0; i < x->n; i++) {
		KUNIT_EXPECT_NE(test, x->e[i].start, 4ULL * SZ_1G);
		KUNIT_EXPECT_NE(test, x->e[i].start, 12ULL * SZ_1G);
	}
	KUNIT_EXPECT_EQ(test, x->n, want->n - 3);
	for (i = 0; i < MM_TEST_TYPES; i++)
		mm_test_expect_exact(test, st, &st->types[i], 0);
	mm_test_state_fini(st);
}

/*
 * A rebuild that must be refused, and leave the map as it was. Its input
 * is a good partition, then @part unless @bad_extent, then a good extent,
 * then @extent if @bad_extent: what the rebuild reserved before it met the
 * bad item must be released.
 */
struct mm_test_refused {
	const char *what;
	bool bad_extent;
	struct nvvgpu_partition part;
	struct nvvgpu_mm_extent extent;
	int err;
};

/*
 * The map holds beforehand a vGPU of 4 GiB at the top of the vGPU space
 * (FB 11680 MiB to 15872 MiB, channels 64 to 575) and a host window at 0+64K;
 * the good partition of the input has FB at 10 GiB+64M and channels
 * 600+8, the good extent is a host window at 1 MiB+128K.
 */
static const struct mm_test_refused mm_test_refused_cases[] = {
	{ "overlapping a vGPU's FB",
	  .part = { .fb_offset = 12ULL * SZ_1G, .fb_size = SZ_32M,
		    .chid_base = 1000, .chid_count = 1 }, .err = -EBUSY },
	{ "overlapping another partition of the input",
	  .part = { .fb_offset = 10ULL * SZ_1G + SZ_32M, .fb_size = SZ_32M,
		    .chid_base = 1000, .chid_count = 1 }, .err = -EBUSY },
	{ "its heap apart over its guest FB",
	  .part = { .fb_offset = 11ULL * SZ_1G, .fb_size = SZ_64M,
		    .heap_offset = 11ULL * SZ_1G + SZ_32M, .heap_size = SZ_64M,
		    .chid_base = 1000, .chid_count = 1 }, .err = -EBUSY },
	{ "overlapping a vGPU's channels",
	  .part = { .fb_offset = 11ULL * SZ_1G, .fb_size = SZ_32M,
		    .chid_base = 95, .chid_count = 2 }, .err = -EBUSY },
	{ "overlapping the input's channels",
	  .part = { .fb_offset = 11ULL * SZ_1G, .fb_size = SZ_32M,
		    .chid_base = 599, .chid_count = 8 }, .err = -EBUSY },
	{ "FB in the host's FB",
	  .part = { .fb_offset = SZ_64M, .fb_size = SZ_128M,
		    .chid_base = 1000, .chid_count = 1 }, .err = -ENOSPC },
	{ "FB past the end",
	  .part = { .fb_offset = 16ULL * SZ_1G - SZ_512M - SZ_32M,
		    .fb_size = SZ_32M, .heap_size = SZ_2M,
		    .heap_offset = 16ULL * SZ_1G - SZ_512M,
		    .chid_base = 1000, .chid_count = 1 }, .err = -ENOSPC },
	{ "FB wrapping around",
	  .part = { .fb_offset = U64_MAX - SZ_1M, .fb_size = SZ_32M,
		    .chid_base = 1000, .chid_count = 1 }, .err = -ENOSPC },
	{ "channels among the host's",
	  .part = { .fb_offset = 11ULL * SZ_1G, .fb_size = SZ_32M,
		    .chid_base = 32, .chid_count = 64 }, .err = -ENOSPC },
	{ "channels past the last",
	  .part = { .fb_offset = 11ULL * SZ_1G, .fb_size = SZ_32M,
		    .chid_base = 2040, .chid_count = 9 }, .err = -ENOSPC },
	{ "no FB",
	  .part = { .fb_offset = 11ULL * SZ_1G, .chid_base = 1000,
		    .chid_count = 1 }, .err = -EINVAL },
	{ "no channels",
	  .part = { .fb_offset = 11ULL * SZ_1G, .fb_size = SZ_32M },
	  .err = -EINVAL },
	{ "a host window over another",
	  .bad_extent = true,
	  .extent = { NVVGPU_MM_USE_HOST_FB, SZ_32K, SZ_64K }, .err = -EBUSY },
	{ "a host window over one of the input",
	  .bad_extent = true,
	  .extent = { NVVGPU_MM_USE_HOST_FB, SZ_1M + SZ_64K, SZ_4K },
	  .err = -EBUSY },
	{ "a host window past the host's FB",
	  .bad_extent = true,
	  .extent = { NVVGPU_MM_USE_HOST_FB, SZ_128M - SZ_4K, SZ_8K },
	  .err = -ENOSPC },
	{ "retired FB in the host's",
	  .bad_extent = true,
	  .extent = { NVVGPU_MM_USE_RETIRED, SZ_4M, SZ_32M }, .err = -ENOSPC },
	{ "retired FB over a partition of the input",
	  .bad_extent = true,
	  .extent = { NVVGPU_MM_USE_RETIRED, 10ULL * SZ_1G + SZ_4M, SZ_4K },
	  .err = -EBUSY },
	{ "an extent of a vGPU's channels",
	  .bad_extent = true,
	  .extent = { NVVGPU_MM_USE_VGPU_CHID, 1000, 1 }, .err = -EINVAL },
	{ "an empty extent",
	  .bad_extent = true,
	  .extent = { NVVGPU_MM_USE_HOST_FB, SZ_8M, 0 }, .err = -EINVAL },
};

static void mm_test_refused_desc(const struct mm_test_refused *c, char *desc)
{
	strscpy(desc, c->what, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(mm_test_refused, mm_test_refused_cases, mm_test_refused_desc);

/* the good part of each refused input */
static const struct nvvgpu_partition mm_test_good_part = {
	.fb_offset = 10ULL * SZ_1G, .fb_size = SZ_64M, .chid_base = 600,
	.chid_count = 8,
};

static const struct nvvgpu_mm_extent mm_test_good_extent = {
	NVVGPU_MM_USE_HOST_FB, SZ_1M, SZ_128K,
};

/*
 * Overlapping or out-of-space input is refused with -EBUSY or -ENOSPC (a
 * malformed one with -EINVAL), and the map is left as it was: same ranges,
 * same capacities, no record handed out.
 */
static void mm_map_test_rebuild_refused(struct kunit *test)
{
	const struct mm_test_refused *c = test->param_value;
	unsigned int k, i;

	for (k = 0; k < ARRAY_SIZE(mm_test_impls); k++) {
		const struct mm_test_impl *impl = mm_test_impls[k];
		struct nvvgpu_partition parts[2] = { mm_test_good_part, c->part };
		struct nvvgpu_mm_extent extents[2] = { mm_test_good_extent, c->extent };
		struct mm_test_state *st, *empty;
		struct mm_test_export *before;
		void *recs[2] = {};
		u64 cap[MM_TEST_TYPES];

		st = mm_test_state_new(test, impl, &mm_test_layout);
		KUNIT_ASSERT_EQ(test, impl->alloc(st->map, &st->types[3],
						  &st->rec[0], &st->part[0]), 0);
		st->n = 1;
		KUNIT_ASSERT_EQ(test, impl->host_alloc(st->map, SZ_64K,
						       &st->host[0]), 0);
		st->nhost = 1;
		before = mm_test_export(test, st);
		for (i = 0; i < MM_TEST_TYPES; i++)
			cap[i] = impl->capacity(st->map, &st->types[i]);

		KUNIT_EXPECT_EQ_MSG(test,
				    impl->rebuild(st->map, parts, recs,
						  c->bad_extent ? 1 : 2, extents,
						  c->bad_extent ? 2 : 1),
				    c->err, "%s: %s", impl->name, c->what);
		mm_test_expect_same_export(test, mm_test_export(test, st),
					   before);
		for (i = 0; i < MM_TEST_TYPES; i++)
			KUNIT_EXPECT_EQ_MSG(test,
					    impl->capacity(st->map, &st->types[i]),
					    cap[i], "%s: type %u", impl->name, i);
		KUNIT_EXPECT_NULL(test, recs[0]);
		KUNIT_EXPECT_NULL(test, recs[1]);
		mm_test_state_fini(st);

		/* the same input on an empty map, without the bad item: fine */
		empty = mm_test_state_new(test, impl, &mm_test_layout);
		KUNIT_EXPECT_EQ(test, impl->rebuild(empty->map, parts, recs, 1,
						    extents, 1), 0);
		empty->rec[0] = recs[0];
		empty->part[0] = parts[0];
		empty->n = 1;
		empty->host[0] = extents[0].start;
		empty->nhost = 1;
		mm_test_state_fini(empty);
	}
}

/* a failed scrub retires the FB, exported as such; channels come back */
static void mm_map_test_retire(struct kunit *test)
{
	const struct mm_test_impl *impl =
		*(const struct mm_test_impl *const *)test->param_value;
	struct mm_test_state *st;
	struct mm_test_export *x;
	struct nvvgpu_partition p;
	u64 cap;

	st = mm_test_state_new(test, impl, &mm_test_layout);
	cap = impl->capacity(st->map, &st->types[0]);
	KUNIT_ASSERT_EQ(test, impl->alloc(st->map, &st->types[0], &st->rec[0],
					  &st->part[0]), 0);
	p = st->part[0];
	st->n = 1;
	mm_test_remove(st, 0, true);
	x = mm_test_export(test, st);
	KUNIT_ASSERT_EQ(test, x->n, 1U);
	KUNIT_EXPECT_EQ(test, x->e[0].use, NVVGPU_MM_USE_RETIRED);
	KUNIT_EXPECT_EQ(test, x->e[0].start, p.fb_offset);
	KUNIT_EXPECT_EQ(test, x->e[0].size, p.fb_size + p.heap_size);
	KUNIT_EXPECT_EQ(test, impl->capacity(st->map, &st->types[0]), cap - 1);
	mm_test_expect_exact(test, st, &st->types[0], 0);
	/* the next one does not get it */
	KUNIT_ASSERT_EQ(test, impl->alloc(st->map, &st->types[0], &st->rec[0],
					  &st->part[0]), 0);
	st->n = 1;
	KUNIT_EXPECT_NE(test, st->part[0].fb_offset, p.fb_offset);
	KUNIT_EXPECT_EQ(test, st->part[0].chid_base, p.chid_base);
	mm_test_state_fini(st);
}

/* the host's windows, and a board whose host keeps no FB */
static void mm_map_test_host(struct kunit *test)
{
	const struct mm_test_impl *impl =
		*(const struct mm_test_impl *const *)test->param_value;
	struct nvvgpu_mm_layout none = mm_test_layout;
	struct nvvgpu_mm_extent e = { NVVGPU_MM_USE_HOST_FB, 0, SZ_64K };
	struct mm_test_state *st;
	u64 a, b, c;

	st = mm_test_state_new(test, impl, &mm_test_layout);
	KUNIT_EXPECT_EQ(test, impl->host_alloc(st->map, 0, &a), -EINVAL);
	KUNIT_EXPECT_EQ(test, impl->host_alloc(st->map, SZ_4K + 1, &a), -EINVAL);
	KUNIT_ASSERT_EQ(test, impl->host_alloc(st->map, SZ_64K, &a), 0);
	KUNIT_ASSERT_EQ(test, impl->host_alloc(st->map, SZ_2M, &b), 0);
	KUNIT_EXPECT_EQ(test, a, 0ULL);
	KUNIT_EXPECT_EQ(test, b, (u64)SZ_64K);
	KUNIT_EXPECT_EQ(test, impl->host_alloc(st->map, SZ_128M, &c), -ENOSPC);
	KUNIT_EXPECT_EQ(test, impl->host_free(st->map, SZ_64K + SZ_4K), -ENOENT);
	KUNIT_EXPECT_EQ(test, impl->host_free(st->map, SZ_128M), -ENOENT);
	KUNIT_EXPECT_EQ(test, impl->host_free(st->map, a), 0);
	KUNIT_EXPECT_EQ(test, impl->host_free(st->map, a), -ENOENT);
	/* first fit: the freed window first */
	KUNIT_ASSERT_EQ(test, impl->host_alloc(st->map, SZ_4K, &c), 0);
	KUNIT_EXPECT_EQ(test, c, 0ULL);
	st->host[st->nhost++] = b;
	st->host[st->nhost++] = c;
	mm_test_state_fini(st);

	none.host_fb = 0;
	st = mm_test_state_new(test, impl, &none);
	KUNIT_EXPECT_EQ(test, impl->host_alloc(st->map, SZ_4K, &a), -ENOSPC);
	KUNIT_EXPECT_EQ(test, impl->host_free(st->map, 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, impl->rebuild(st->map, NULL, NULL, 0, &e, 1),
			-ENOSPC);
	/* the vGPUs' space starts at 0 */
	KUNIT_ASSERT_EQ(test, impl->alloc(st->map, &st->types[0], &st->rec[0],
					  &st->part[0]), 0);
	st->n = 1;
	KUNIT_EXPECT_EQ(test, st->part[0].fb_offset, 0ULL);
	mm_test_state_fini(st);
}

/*
 * Big chunks (a quarter of the vGPUs' FB or more) from the top, the rest
 * from the bottom, in both providers; a big one's leaving does not split
 * the small ones' room, nor a small one's the big ones'.
 */
static void mm_map_test_two_ended(struct kunit *test)
{
	const struct mm_test_impl *impl =
		*(const struct mm_test_impl *const *)test->param_value;
	const struct nvvgpu_mm_layout *l = &mm_test_layout;
	struct mm_test_state *st;
	u64 chunk[MM_TEST_TYPES], top;
	unsigned int i;

	st = mm_test_state_new(test, impl, l);
	for (i = 0; i < MM_TEST_TYPES; i++)
		chunk[i] = st->types[i].fb_size + st->types[i].heap_size;
	/* on this board: 4 GiB and 8 GiB chunks are big, 2 GiB ones not */
	KUNIT_ASSERT_TRUE(test, nvvgpu_mm_layout_from_top(l, chunk[3]));
	KUNIT_ASSERT_FALSE(test, nvvgpu_mm_layout_from_top(l, chunk[2]));

	/* 4G at the top, 512M at the bottom, 4G below the first, 2G above 512M */
	KUNIT_ASSERT_EQ(test, impl->alloc(st->map, &st->types[3], &st->rec[0], &st->part[0]), 0);
	top = rounddown(l->fb_end - chunk[3], l->segment);
	KUNIT_EXPECT_EQ(test, st->part[0].fb_offset, top);
	KUNIT_ASSERT_EQ(test, impl->alloc(st->map, &st->types[0], &st->rec[1], &st->part[1]), 0);
	KUNIT_EXPECT_EQ(test, st->part[1].fb_offset, l->host_fb);
	KUNIT_ASSERT_EQ(test, impl->alloc(st->map, &st->types[3], &st->rec[2], &st->part[2]), 0);
	KUNIT_EXPECT_EQ(test, st->part[2].fb_offset,
			rounddown(top - chunk[3], l->segment));
	KUNIT_ASSERT_EQ(test, impl->alloc(st->map, &st->types[2], &st->rec[3], &st->part[3]), 0);
	KUNIT_EXPECT_EQ(test, st->part[3].fb_offset,
			roundup(l->host_fb + chunk[0], l->segment));
	st->n = 4;
	/* channel IDs from the bottom, in order */
	KUNIT_EXPECT_EQ(test, st->part[0].chid_base, (u64)l->host_chids);
	KUNIT_EXPECT_EQ(test, st->part[1].chid_base,
			(u64)l->host_chids + st->types[3].num_channels);

	/* the top one goes: the next big one takes its place, not the middle */
	mm_test_remove(st, 0, false);
	KUNIT_ASSERT_EQ(test, impl->alloc(st->map, &st->types[3], &st->rec[st->n],
					  &st->part[st->n]), 0);
	KUNIT_EXPECT_EQ(test, st->part[st->n].fb_offset, top);
	st->n++;
	for (i = 0; i < MM_TEST_TYPES; i++)
		mm_test_expect_exact(test, st, &st->types[i], 0);
	mm_test_state_fini(st);
}

/*
 * nvvgpu_mm's map holds a record for each vGPU a pgpu can have, and no
 * more: its capacity says so, and a retired FB gives its record back.
 */
static void mm_map_test_records(struct kunit *test)
{
	struct nvvgpu_mm_layout l = mm_test_layout;
	struct nvvgpu_vgpu_type tiny = {
		.id = 999, .fb_size = SZ_32M, .num_channels = 1,
	};
	struct mm_test_state *st;

	l.fb_end = 64ULL * SZ_1G;
	st = mm_test_state_new(test, &mm_test_impl_mm, &l);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_map_capacity(st->map, &tiny),
			(u64)MM_TEST_MAX_VGPUS);
	for (; st->n < MM_TEST_MAX_VGPUS; st->n++)
		KUNIT_ASSERT_EQ(test, mm_impl_alloc(st->map, &tiny, &st->rec[st->n],
						    &st->part[st->n]), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_map_capacity(st->map, &tiny), 0ULL);
	KUNIT_EXPECT_EQ(test, mm_impl_alloc(st->map, &tiny, &st->rec[0],
					    &st->part[0]), -ENOSPC);
	/* retired: its record serves the next vGPU, its FB does not */
	mm_test_remove(st, 0, true);
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_map_capacity(st->map, &tiny), 1ULL);
	KUNIT_ASSERT_EQ(test, mm_impl_alloc(st->map, &tiny, &st->rec[st->n],
					    &st->part[st->n]), 0);
	KUNIT_EXPECT_NE(test, st->part[st->n].fb_offset, l.host_fb);
	st->n++;
	KUNIT_EXPECT_EQ(test, nvvgpu_mm_map_capacity(st->map, &tiny), 0ULL);
	mm_test_state_fini(st);
}

static int mm_map_test_suite_init(struct kunit_suite *suite)
{
	while (!mm_map_test_seed)
		mm_map_test_seed = get_random_u32();
	kunit_info(suite, "partition maps, random seed %u\n", mm_map_test_seed);
	return 0;
}

static struct kunit_case mm_map_test_cases[] = {
	KUNIT_CASE_PARAM(mm_map_test_capacity_exact, mm_test_all_impl_gen_params),
	KUNIT_CASE_PARAM(mm_map_test_handover, mm_test_pair_gen_params),
	KUNIT_CASE_PARAM(mm_map_test_rebuild_exact, mm_test_impl_gen_params),
	KUNIT_CASE_PARAM(mm_map_test_rebuild_refused, mm_test_refused_gen_params),
	KUNIT_CASE_PARAM(mm_map_test_retire, mm_test_impl_gen_params),
	KUNIT_CASE_PARAM(mm_map_test_host, mm_test_impl_gen_params),
	KUNIT_CASE_PARAM(mm_map_test_two_ended, mm_test_impl_gen_params),
	KUNIT_CASE(mm_map_test_records),
	{}
};

static struct kunit_suite mm_map_test_suite = {
	.name = "nvvgpu_mm_map",
	.suite_init = mm_map_test_suite_init,
	.test_cases = mm_map_test_cases,
};

kunit_test_suite(mm_map_test_suite);
