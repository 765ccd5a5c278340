// SPDX-License-Identifier: GPL-2.0
/*
 * nvvgpu_mm_bench: the partition allocators' benchmark, as a test module of
 * its own (CONFIG_NVVGPU_MM_TEST), so that neither provider carries any of
 * it. While it is loaded, debugfs has nvvgpu_mm_bench/run: reading it runs
 * the benchmark (DOC: partition allocator benchmark) and prints its report.
 *
 * It needs no pgpu and no other nvvgpu module: the partition maps of
 * nvvgpu_mm (mm/mm_map.c, mm/mm_range.c) and nvvgpu_mm_drm
 * (mm/mm_drm_map.c) are compiled into it (mm_bench_*.c).
 *
 * Copyright (c) 2026 The nvvgpu developers
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/ktime.h>
#include <linux/log2.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/prandom.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/timex.h>

#include "mm_bench_maps.h"

/**
 * DOC: partition allocator benchmark
 *
 * Reading nvvgpu_mm_bench/run replays one churn trace of vGPU creations and
 * removals through the partition maps of both partition providers, the
 * functions their ops call under their locks: nvvgpu_mm's (mm_map.c on the
 * sorted list of mm_range.c) and nvvgpu_mm_drm's (mm_drm_map.c on drm_mm),
 * which place alike (DOC: partition layout: big chunks from the top, the
 * rest from the bottom); and, for information, drm_mm's best fit
 * (%DRM_MM_INSERT_BEST), which no provider uses.
 *
 * The board is the simulated GPU's default: 16 GiB of FB of which the
 * firmware keeps 512 MiB, 32 MiB VMMU segments, 2048 channels; with the
 * providers' defaults, the host keeps the bottom 128 MiB and 64 channels.
 * The types are the simulated GPU's nine (sim_vgpu_build_types()): guest
 * FB of 512 MiB to 8 GiB, each with its plugin heap, its channel count and
 * its instance limit, derived the same way.
 *
 * The trace comes from a PRNG seeded with the module parameter @seed,
 * which the report prints, and is made of @rounds rounds. A round starts
 * empty and churns: each operation removes a random vGPU (35 %) or creates
 * one of a random type still below its instance limit (65 %); after 256
 * operations it only creates. It ends with the first creation that an
 * exact packing cannot place, after which every vGPU is removed. The
 * exact packing is a perfect allocator: it places a vGPU whenever the VMMU
 * segments of its FB and heap (rounded up to whole segments, as every
 * placement of both maps is) and its channel IDs are at most those free
 * in total, as if the free space of each were one range. No allocator
 * places more: the exact packing is the most vGPUs of the trace's
 * sequence that can fit. It is reachable for sure only by an allocator
 * that may move live vGPUs; one that may not, as the providers, places
 * each vGPU without knowing which will go first, and may find the free
 * space in pieces none of which holds the next one.
 *
 * Each allocator replays the trace on its own empty map. A creation is
 * what nvvgpu_vgpu_create() asks of a provider: type_capacity() for the
 * type and, if not zero, the allocation (the vGPU's record, FB chunk and
 * channel IDs); a removal frees what the vGPU holds (the scrub, which is
 * the backend's, left out). An untimed first replay per allocator checks
 * that the capacity is exact at every creation (not zero exactly when the
 * allocation succeeds), counts the vGPUs it places in each round before
 * its first refusal, as a share of what the exact packing places, and
 * compares the offsets nvvgpu_mm and nvvgpu_mm_drm give each vGPU. Then
 * @replays timed replays per allocator, the allocators taking turns; the
 * median replay gives operations per second, and the ratio of nvvgpu_mm's
 * to nvvgpu_mm_drm's rate is reported (target: at least 1), with the
 * share of the exact packing (target: at least 99 %). Targets are
 * reported, not enforced. Each timed replay has a twin that times every
 * call on its own, which the rate does not include: the median twin gives
 * the cost of one type_capacity(), one allocation and one release, to see
 * where the time goes (in a debug kernel, mostly in the slab allocator:
 * each slab allocation and free records a stack trace for KASAN and
 * kmemleak).
 *
 * Times come from the CPU's cycle counter, converted to nanoseconds by its
 * rate against ktime over the timed replays; where there is no cycle
 * counter, from ktime.
 */

static unsigned int seed = 20261207;
module_param(seed, uint, 0444);
MODULE_PARM_DESC(seed, "Seed of the churn trace (default 20261207)");

static unsigned int rounds = 200;
module_param(rounds, uint, 0444);
MODULE_PARM_DESC(rounds, "Rounds of the churn trace, each up to a full packing (1..10000, default 200)");

static unsigned int replays = 9;
module_param(replays, uint, 0444);
MODULE_PARM_DESC(replays, "Timed replays of the trace per allocator (1..1001, default 9)");

/* the simulated GPU's default board (sim/sim_main.c, sim/sim_types.h) */
#define MM_BENCH_FB		(16ULL * SZ_1G - SZ_512M)
#define MM_BENCH_SEGMENT	SZ_32M
#define MM_BENCH_CHANNELS	2048
#define MM_BENCH_VGPU_CHANNELS	1536
/* a round's operations while it churns, then it only creates */
#define MM_BENCH_CHURN		256
/* the share of removals while a round churns, percent */
#define MM_BENCH_REMOVE_PCT	35
/* operations a round can have: churn, fill, the refused one, removals */
#define MM_BENCH_ROUND_OPS	(MM_BENCH_CHURN + 2 * NVVGPU_MAX_VGPUS_PER_PGPU + 2)

/* the guest FB of sim_type_templates[] (sim/sim_vgpu.c), in its order */
static const u64 mm_bench_type_fb[] = {
	SZ_512M, SZ_1G, SZ_2G, SZ_4G, 8ULL * SZ_1G,
	SZ_1G, SZ_2G, SZ_4G, 8ULL * SZ_1G,
};

#define MM_BENCH_TYPES		ARRAY_SIZE(mm_bench_type_fb)

enum {
	MM_BENCH_CREATE,
	MM_BENCH_REMOVE,
};

/* the first operation of a round */
#define MM_BENCH_FIRST		BIT(0)
/* a creation the exact packing refuses: the round's last */
#define MM_BENCH_FULL		BIT(1)

/**
 * struct mm_bench_op - one operation of the trace
 * @kind: %MM_BENCH_CREATE or %MM_BENCH_REMOVE
 * @type: the type created, an index into &mm_bench.types
 * @slot: which vGPU: a creation fills the slot, a removal empties it
 * @flags: %MM_BENCH_FIRST, %MM_BENCH_FULL
 */
struct mm_bench_op {
	u8 kind;
	u8 type;
	u8 slot;
	u8 flags;
};

/* an allocator's map behind one table */
struct mm_bench_impl {
	const char *name;
	size_t map_size;
	void (*init)(void *map, const struct nvvgpu_mm_layout *layout);
	void (*fini)(void *map);
	int (*alloc)(void *map, const struct nvvgpu_vgpu_type *type,
		     void **rec, struct nvvgpu_partition *part);
	void (*free)(void *map, void *rec);
	u64 (*capacity)(void *map, const struct nvvgpu_vgpu_type *type);
};

static void mm_bench_mm_init(void *map, const struct nvvgpu_mm_layout *layout)
{
	nvvgpu_mm_map_init(map, layout);
}

static void mm_bench_mm_fini(void *map)
{
	nvvgpu_mm_map_fini(map);
}

static int mm_bench_mm_alloc(void *map, const struct nvvgpu_vgpu_type *type,
			     void **rec, struct nvvgpu_partition *part)
{
	struct nvvgpu_mm_vgpu *r;
	int err;

	err = nvvgpu_mm_map_vgpu_alloc(map, type, &r, part);
	if (!err)
		*rec = r;
	return err;
}

static void mm_bench_mm_free(void *map, void *rec)
{
	nvvgpu_mm_map_vgpu_free(map, rec, false);
}

static u64 mm_bench_mm_capacity(void *map, const struct nvvgpu_vgpu_type *type)
{
	return nvvgpu_mm_map_capacity(map, type);
}

static void mm_bench_drm_init(void *map, const struct nvvgpu_mm_layout *layout)
{
	nvvgpu_mm_drm_map_init(map, layout, DRM_MM_INSERT_LOW);
}

static void mm_bench_drm_best_init(void *map,
				   const struct nvvgpu_mm_layout *layout)
{
	nvvgpu_mm_drm_map_init(map, layout, DRM_MM_INSERT_BEST);
}

static void mm_bench_drm_fini(void *map)
{
	nvvgpu_mm_drm_map_fini(map);
}

static int mm_bench_drm_alloc(void *map, const struct nvvgpu_vgpu_type *type,
			      void **rec, struct nvvgpu_partition *part)
{
	struct nvvgpu_mm_drm_vgpu *r;
	int err;

	err = nvvgpu_mm_drm_map_vgpu_alloc(map, type, &r, part);
	if (!err)
		*rec = r;
	return err;
}

static void mm_bench_drm_free(void *map, void *rec)
{
	nvvgpu_mm_drm_map_vgpu_free(map, rec, false);
}

static u64 mm_bench_drm_capacity(void *map,
				 const struct nvvgpu_vgpu_type *type)
{
	return nvvgpu_mm_drm_map_capacity(map, type);
}

enum {
	MM_BENCH_MM,		/* nvvgpu_mm's map */
	MM_BENCH_DRM,		/* nvvgpu_mm_drm's map */
	MM_BENCH_DRM_BEST,	/* drm_mm's best fit, for information */
	MM_BENCH_IMPLS,
};

static const struct mm_bench_impl mm_bench_impls[MM_BENCH_IMPLS] = {
	[MM_BENCH_MM] = {
		.name = "mm (two-ended, sorted list)",
		.map_size = sizeof(struct nvvgpu_mm_map),
		.init = mm_bench_mm_init,
		.fini = mm_bench_mm_fini,
		.alloc = mm_bench_mm_alloc,
		.free = mm_bench_mm_free,
		.capacity = mm_bench_mm_capacity,
	},
	[MM_BENCH_DRM] = {
		.name = "mm-drm (drm_mm, two-ended)",
		.map_size = sizeof(struct nvvgpu_mm_drm_map),
		.init = mm_bench_drm_init,
		.fini = mm_bench_drm_fini,
		.alloc = mm_bench_drm_alloc,
		.free = mm_bench_drm_free,
		.capacity = mm_bench_drm_capacity,
	},
	[MM_BENCH_DRM_BEST] = {
		.name = "drm_mm best fit (info)",
		.map_size = sizeof(struct nvvgpu_mm_drm_map),
		.init = mm_bench_drm_best_init,
		.fini = mm_bench_drm_fini,
		.alloc = mm_bench_drm_alloc,
		.free = mm_bench_drm_free,
		.capacity = mm_bench_drm_capacity,
	},
};

/* what the untimed replay of an allocator found */
struct mm_bench_check {
	u64 placed;	/* vGPUs placed in each round before its first refusal */
	u32 cut;	/* rounds it refused a creation the exact packing placed */
	u32 inexact;	/* creations whose capacity said otherwise */
};

/* the calls a twin replay times, each on its own */
enum {
	MM_BENCH_CALL_CAPACITY,
	MM_BENCH_CALL_ALLOC,
	MM_BENCH_CALL_FREE,
	MM_BENCH_CALLS,
};

struct mm_bench {
	struct nvvgpu_mm_layout layout;
	struct nvvgpu_vgpu_type types[MM_BENCH_TYPES];
	struct mm_bench_op *ops;
	u32 nops;
	u32 ncreate;
	u64 exact;		/* vGPUs the exact packing placed */
	void *map;		/* room for any allocator's map */
	u64 *offset;		/* nvvgpu_mm's FB offset at each operation */
	u32 differ;		/* creations nvvgpu_mm_drm placed elsewhere */
	u32 first_differ;	/* the first one's operation */
	struct mm_bench_check check[MM_BENCH_IMPLS];
	u64 *sample[MM_BENCH_IMPLS];
	/* per allocator and call: the twins' sums, and the calls of one */
	u64 *call[MM_BENCH_IMPLS][MM_BENCH_CALLS];
	u32 calls[MM_BENCH_CALLS];
	bool cycles;
	u64 t_start;
	u64 t_end;
	u64 k_start;
	u64 k_end;
};

static DEFINE_MUTEX(mm_bench_lock);
static struct dentry *mm_bench_dir;

static u64 mm_bench_now(const struct mm_bench *b)
{
	return b->cycles ? get_cycles() : ktime_get_ns();
}

/* the board, and its types as sim_vgpu_build_types() derives them */
static void mm_bench_board(struct mm_bench *b)
{
	struct nvvgpu_pgpu_info info = {
		.fb_size = MM_BENCH_FB,
		.vmmu_segment_size = MM_BENCH_SEGMENT,
		.num_channels = MM_BENCH_CHANNELS,
	};
	unsigned int i;

	nvvgpu_mm_layout_init(&b->layout, &info, NVVGPU_MM_HOST_FB_MB_DEFAULT,
			      NVVGPU_MM_HOST_CHANNELS_DEFAULT);
	for (i = 0; i < MM_BENCH_TYPES; i++) {
		struct nvvgpu_vgpu_type *t = &b->types[i];
		u64 fb = mm_bench_type_fb[i];
		u64 heap = ALIGN(SZ_32M + fb / 64, SZ_2M);
		u64 slot = ALIGN(fb, MM_BENCH_SEGMENT) +
			   ALIGN(heap, MM_BENCH_SEGMENT);
		u32 max = min_t(u64, div64_u64(MM_BENCH_FB, slot),
				NVVGPU_MAX_VGPUS_PER_PGPU);

		t->id = 941 + i;
		t->fb_size = fb;
		t->heap_size = heap;
		t->max_instances = max;
		t->num_channels = min(rounddown_pow_of_two(MM_BENCH_VGPU_CHANNELS /
							   max), 512UL);
	}
}

/* the exact packing's state in a round */
struct mm_bench_oracle {
	s8 slot_type[NVVGPU_MAX_VGPUS_PER_PGPU];	/* -1: free */
	u32 count[MM_BENCH_TYPES];
	u32 live;
	u64 segs;
	u64 chids;
};

static u64 mm_bench_segs(const struct mm_bench *b,
			 const struct nvvgpu_vgpu_type *t)
{
	return div64_u64(t->fb_size + t->heap_size + b->layout.segment - 1,
			 b->layout.segment);
}

static void mm_bench_emit(struct mm_bench *b, u8 kind, u8 type, u8 slot,
			  u8 flags)
{
	struct mm_bench_op *op = &b->ops[b->nops++];

	op->kind = kind;
	op->type = type;
	op->slot = slot;
	op->flags = flags;
	b->ncreate += kind == MM_BENCH_CREATE;
}

/* one round of the trace (DOC: partition allocator benchmark) */
static void mm_bench_round(struct mm_bench *b, struct rnd_state *rnd,
			   u64 seg_total, u64 chid_total)
{
	struct mm_bench_oracle o = {};
	u8 flags = MM_BENCH_FIRST;
	u32 n, i, k, t = 0, slot = 0;

	memset(o.slot_type, -1, sizeof(o.slot_type));
	for (n = 0; ; n++) {
		bool churn = n < MM_BENCH_CHURN;

		if (o.live && (o.live == NVVGPU_MAX_VGPUS_PER_PGPU ||
			       (churn && prandom_u32_state(rnd) % 100 <
					 MM_BENCH_REMOVE_PCT))) {
			/* the k-th live vGPU */
			k = prandom_u32_state(rnd) % o.live;
			for (slot = 0; ; slot++) {
				if (o.slot_type[slot] < 0)
					continue;
				if (!k--)
					break;
			}
			t = o.slot_type[slot];
			mm_bench_emit(b, MM_BENCH_REMOVE, t, slot, flags);
			o.slot_type[slot] = -1;
			o.count[t]--;
			o.live--;
			o.segs -= mm_bench_segs(b, &b->types[t]);
			o.chids -= b->types[t].num_channels;
			flags = 0;
			continue;
		}

		/* a type below its instance limit; one always is until full */
		do {
			t = prandom_u32_state(rnd) % MM_BENCH_TYPES;
		} while (o.count[t] >= b->types[t].max_instances);
		/* the first free slot: fewer than all are live */
		slot = 0;
		while (o.slot_type[slot] >= 0)
			slot++;
		if (o.segs + mm_bench_segs(b, &b->types[t]) > seg_total ||
		    o.chids + b->types[t].num_channels > chid_total) {
			mm_bench_emit(b, MM_BENCH_CREATE, t, slot,
				      flags | MM_BENCH_FULL);
			break;
		}
		mm_bench_emit(b, MM_BENCH_CREATE, t, slot, flags);
		o.slot_type[slot] = t;
		o.count[t]++;
		o.live++;
		o.segs += mm_bench_segs(b, &b->types[t]);
		o.chids += b->types[t].num_channels;
		b->exact++;
		flags = 0;
	}

	/* everything goes, the refused one too: an allocator may have it */
	mm_bench_emit(b, MM_BENCH_REMOVE, t, slot, 0);
	for (i = 0; i < NVVGPU_MAX_VGPUS_PER_PGPU; i++)
		if (o.slot_type[i] >= 0)
			mm_bench_emit(b, MM_BENCH_REMOVE, o.slot_type[i], i, 0);
}

static void mm_bench_trace(struct mm_bench *b)
{
	const struct nvvgpu_mm_layout *l = &b->layout;
	u64 seg_total, chid_total;
	struct rnd_state rnd;
	u32 r;

	seg_total = div64_u64(rounddown(l->fb_end, l->segment) -
			      roundup(l->host_fb, l->segment), l->segment);
	chid_total = l->num_channels - l->host_chids;
	prandom_seed_state(&rnd, seed);
	for (r = 0; r < rounds; r++)
		mm_bench_round(b, &rnd, seg_total, chid_total);
}

/*
 * The untimed replay: both calls at every creation, the capacity checked
 * against the allocation; vGPUs placed before each round's first refusal;
 * the FB offsets of nvvgpu_mm, and those of nvvgpu_mm_drm compared.
 */
static void mm_bench_check(struct mm_bench *b, unsigned int k)
{
	const struct mm_bench_impl *impl = &mm_bench_impls[k];
	struct mm_bench_check *c = &b->check[k];
	void *rec[NVVGPU_MAX_VGPUS_PER_PGPU] = {};
	struct nvvgpu_partition part;
	bool refused = false;
	u32 i;

	impl->init(b->map, &b->layout);
	for (i = 0; i < b->nops; i++) {
		const struct mm_bench_op *op = &b->ops[i];
		const struct nvvgpu_vgpu_type *t = &b->types[op->type];
		u64 cap, offset = U64_MAX;
		int err;

		if (op->flags & MM_BENCH_FIRST)
			refused = false;
		if (op->kind == MM_BENCH_REMOVE) {
			if (rec[op->slot])
				impl->free(b->map, rec[op->slot]);
			rec[op->slot] = NULL;
			continue;
		}
		cap = impl->capacity(b->map, t);
		err = impl->alloc(b->map, t, &rec[op->slot], &part);
		if (!cap != !!err)
			c->inexact++;
		if (err) {
			rec[op->slot] = NULL;
			if (!refused && !(op->flags & MM_BENCH_FULL))
				c->cut++;
			refused = true;
		} else {
			offset = part.fb_offset;
			if (!refused)
				c->placed++;
		}
		if (k == MM_BENCH_MM) {
			b->offset[i] = offset;
		} else if (k == MM_BENCH_DRM && b->offset[i] != offset) {
			if (!b->differ++)
				b->first_differ = i;
		}
		if (!(i % 256))
			cond_resched();
	}
	impl->fini(b->map);
}

/*
 * One timed replay, as the providers' ops run it; with @sum, its twin,
 * which adds the time of each call to @sum[its kind] and counts them in
 * @b->calls.
 */
static __always_inline u64 mm_bench_replay(struct mm_bench *b,
					   const struct mm_bench_impl *impl,
					   u64 *sum)
{
	void *rec[NVVGPU_MAX_VGPUS_PER_PGPU] = {};
	struct nvvgpu_partition part;
	u64 t0, t1, c0, c1;
	bool fit;
	u32 i;

	impl->init(b->map, &b->layout);
	t0 = mm_bench_now(b);
	for (i = 0; i < b->nops; i++) {
		const struct mm_bench_op *op = &b->ops[i];
		const struct nvvgpu_vgpu_type *t = &b->types[op->type];
		void **r = &rec[op->slot];

		if (op->kind == MM_BENCH_REMOVE) {
			if (*r) {
				c0 = sum ? mm_bench_now(b) : 0;
				impl->free(b->map, *r);
				if (sum) {
					c1 = mm_bench_now(b);
					sum[MM_BENCH_CALL_FREE] += c1 - c0;
					b->calls[MM_BENCH_CALL_FREE]++;
				}
			}
			*r = NULL;
			continue;
		}
		c0 = sum ? mm_bench_now(b) : 0;
		fit = impl->capacity(b->map, t);
		if (sum) {
			c1 = mm_bench_now(b);
			sum[MM_BENCH_CALL_CAPACITY] += c1 - c0;
			b->calls[MM_BENCH_CALL_CAPACITY]++;
			c0 = c1;
		}
		if (!fit || impl->alloc(b->map, t, r, &part))
			*r = NULL;
		if (sum && fit) {
			sum[MM_BENCH_CALL_ALLOC] += mm_bench_now(b) - c0;
			b->calls[MM_BENCH_CALL_ALLOC]++;
		}
	}
	t1 = mm_bench_now(b);
	impl->fini(b->map);
	return t1 - t0;
}

static noinline u64 mm_bench_replay_plain(struct mm_bench *b,
					  const struct mm_bench_impl *impl)
{
	return mm_bench_replay(b, impl, NULL);
}

static noinline void mm_bench_replay_calls(struct mm_bench *b, unsigned int k,
					   unsigned int r)
{
	u64 sum[MM_BENCH_CALLS] = {};
	unsigned int c;

	memset(b->calls, 0, sizeof(b->calls));
	mm_bench_replay(b, &mm_bench_impls[k], sum);
	for (c = 0; c < MM_BENCH_CALLS; c++)
		b->call[k][c][r] = sum[c];
}

static int mm_bench_cmp(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* sorts @v; return: its median */
static u64 mm_bench_median(u64 *v, u32 n)
{
	sort(v, n, sizeof(*v), mm_bench_cmp, NULL);
	return v[n / 2];
}

static u64 mm_bench_ns(const struct mm_bench *b, u64 v)
{
	u64 ns = b->k_end - b->k_start, cyc = b->t_end - b->t_start;

	if (b->cycles && cyc)
		v = mul_u64_u64_div_u64(v, ns, cyc);
	return v;
}

/* @num / @den in hundredths */
static u64 mm_bench_centi(u64 num, u64 den)
{
	return den ? div64_u64(num * 100, den) : 0;
}

static void mm_bench_free(struct mm_bench *b)
{
	unsigned int k, c;

	for (k = 0; k < MM_BENCH_IMPLS; k++) {
		kvfree(b->sample[k]);
		for (c = 0; c < MM_BENCH_CALLS; c++)
			kvfree(b->call[k][c]);
	}
	kvfree(b->offset);
	kfree(b->map);
	kvfree(b->ops);
	kfree(b);
}

static struct mm_bench *mm_bench_alloc(void)
{
	struct mm_bench *b = kzalloc(sizeof(*b), GFP_KERNEL);
	size_t map_size = 0;
	unsigned int k, c;

	if (!b)
		return NULL;
	b->ops = kvcalloc((size_t)rounds * MM_BENCH_ROUND_OPS, sizeof(*b->ops),
			  GFP_KERNEL);
	b->offset = kvcalloc((size_t)rounds * MM_BENCH_ROUND_OPS,
			     sizeof(*b->offset), GFP_KERNEL);
	for (k = 0; k < MM_BENCH_IMPLS; k++) {
		map_size = max(map_size, mm_bench_impls[k].map_size);
		b->sample[k] = kvcalloc(replays, sizeof(u64), GFP_KERNEL);
		if (!b->sample[k])
			goto err;
		for (c = 0; c < MM_BENCH_CALLS; c++) {
			b->call[k][c] = kvcalloc(replays, sizeof(u64),
						 GFP_KERNEL);
			if (!b->call[k][c])
				goto err;
		}
	}
	b->map = kzalloc(map_size, GFP_KERNEL);
	if (!b->ops || !b->offset || !b->map)
		goto err;
	return b;

err:
	mm_bench_free(b);
	return NULL;
}

static void mm_bench_report(struct mm_bench *b, struct seq_file *m)
{
	const struct nvvgpu_mm_layout *l = &b->layout;
	u64 ops_s[MM_BENCH_IMPLS], run_ns = b->k_end - b->k_start, r;
	unsigned int k;

	seq_printf(m, "mm bench: seed %u, %u rounds, %u operations (%u creations, %u removals), %u timed replays per allocator\n",
		   seed, rounds, b->nops, b->ncreate, b->nops - b->ncreate,
		   replays);
	seq_printf(m, "board: FB %llu MiB (host %llu MiB, segment %llu MiB), %u channels (host %u); the simulated GPU's %zu types, guest FB %llu to %llu MiB plus heap\n",
		   l->fb_end >> 20, l->host_fb >> 20, l->segment >> 20,
		   l->num_channels, l->host_chids, MM_BENCH_TYPES,
		   mm_bench_type_fb[0] >> 20, mm_bench_type_fb[4] >> 20);
	seq_printf(m, "rounds: churn (%u %% removals, %u %% creations of a random type) for up to %u operations, then only creations, up to the first one an exact packing refuses; then every vGPU goes\n",
		   MM_BENCH_REMOVE_PCT, 100 - MM_BENCH_REMOVE_PCT,
		   MM_BENCH_CHURN);
	seq_printf(m, "exact packing: a vGPU is placed whenever the segments and channel IDs it needs are at most those free in all: %llu vGPUs in all rounds\n",
		   b->exact);
	if (b->cycles)
		seq_printf(m, "clock: cycle counter, %llu MHz against ktime over %llu ms\n",
			   div64_u64(b->t_end - b->t_start,
				     max_t(u64, run_ns / 1000, 1)),
			   div_u64(run_ns, NSEC_PER_MSEC));
	else
		seq_puts(m, "clock: ktime (no cycle counter)\n");
	seq_printf(m, "%-30s %8s %9s %9s %9s %9s %7s %9s %6s %8s\n",
		   "allocator", "ops/s", "ns/op", "cap ns", "alloc ns",
		   "free ns", "placed", "of exact", "cut", "inexact");
	for (k = 0; k < MM_BENCH_IMPLS; k++) {
		const struct mm_bench_check *c = &b->check[k];
		u64 ns = mm_bench_ns(b, mm_bench_median(b->sample[k], replays));
		u64 share = div64_u64(c->placed * 10000, max_t(u64, b->exact, 1));
		u64 dns = div_u64(ns * 10, max_t(u32, b->nops, 1));
		u64 call[MM_BENCH_CALLS];
		unsigned int i;

		for (i = 0; i < MM_BENCH_CALLS; i++)
			call[i] = div_u64(mm_bench_ns(b, mm_bench_median(b->call[k][i],
									 replays)),
					  max_t(u32, b->calls[i], 1));
		ops_s[k] = ns ? div64_u64((u64)b->nops * NSEC_PER_SEC, ns) : 0;
		seq_printf(m, "%-30s %8llu %7llu.%llu %9llu %9llu %9llu %7llu %6llu.%02llu%% %6u %8u\n",
			   mm_bench_impls[k].name, ops_s[k], dns / 10, dns % 10,
			   call[MM_BENCH_CALL_CAPACITY], call[MM_BENCH_CALL_ALLOC],
			   call[MM_BENCH_CALL_FREE], c->placed, share / 100,
			   share % 100, c->cut, c->inexact);
	}
	r = mm_bench_centi(ops_s[MM_BENCH_MM], ops_s[MM_BENCH_DRM]);
	seq_printf(m, "ratio mm / mm-drm: %llu.%02llux ops/s (target: at least 1.00x)\n",
		   r / 100, r % 100);
	r = div64_u64(b->check[MM_BENCH_MM].placed * 10000,
		      max_t(u64, b->exact, 1));
	seq_printf(m, "packing of mm: %llu.%02llu %% of exact (target: at least 99 %%); targets reported, not enforced\n",
		   r / 100, r % 100);
	if (b->differ)
		seq_printf(m, "placements: mm-drm placed %u vGPUs elsewhere than mm, the first at operation %u\n",
			   b->differ, b->first_differ);
	else
		seq_printf(m, "placements: mm and mm-drm gave each of the %u creations the same outcome and FB offset\n",
			   b->ncreate);
	seq_puts(m, "ops/s, ns/op: median replay, each creation type_capacity() then (if not 0) the allocation, each removal the release; cap, alloc, free ns: one such call, median of the twin replays that time each call; placed: vGPUs placed before each round's first refusal, of exact: their share of the exact packing's; cut: rounds refused before the exact packing's refusal; inexact: creations whose type_capacity() disagreed with the allocation\n");
}

static int mm_bench_run_show(struct seq_file *m, void *unused)
{
	struct mm_bench *b;
	unsigned int r, j, k;
	int ret;

	ret = mutex_lock_interruptible(&mm_bench_lock);
	if (ret)
		return ret;
	b = mm_bench_alloc();
	if (!b) {
		ret = -ENOMEM;
		goto out;
	}
	mm_bench_board(b);
	mm_bench_trace(b);
	for (k = 0; k < MM_BENCH_IMPLS; k++)
		mm_bench_check(b, k);

	b->cycles = get_cycles() != 0;
	b->k_start = ktime_get_ns();
	b->t_start = mm_bench_now(b);
	for (r = 0; r < replays; r++) {
		/* each allocator takes each place in turn */
		for (j = 0; j < MM_BENCH_IMPLS; j++) {
			k = (r + j) % MM_BENCH_IMPLS;
			b->sample[k][r] = mm_bench_replay_plain(b,
								&mm_bench_impls[k]);
			cond_resched();
			mm_bench_replay_calls(b, k, r);
			cond_resched();
		}
	}
	b->t_end = mm_bench_now(b);
	b->k_end = ktime_get_ns();
	mm_bench_report(b, m);
	mm_bench_free(b);
out:
	mutex_unlock(&mm_bench_lock);
	return ret;
}

/* a buffer the report fits in, so that seq_read() never runs it twice */
static int mm_bench_run_open(struct inode *inode, struct file *file)
{
	return single_open_size(file, mm_bench_run_show, NULL, SZ_8K);
}

static const struct file_operations mm_bench_run_fops = {
	.owner = THIS_MODULE,
	.open = mm_bench_run_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static int __init mm_bench_init(void)
{
	if (!rounds || rounds > 10000 || !replays || replays > 1001) {
		pr_err("rounds=%u replays=%u: out of range (see modinfo)\n",
		       rounds, replays);
		return -EINVAL;
	}
	mm_bench_dir = debugfs_create_dir("nvvgpu_mm_bench", NULL);
	debugfs_create_file("run", 0400, mm_bench_dir, NULL,
			    &mm_bench_run_fops);
	return 0;
}

static void __exit mm_bench_exit(void)
{
	/* waits for a reader still running */
	debugfs_remove(mm_bench_dir);
}

module_init(mm_bench_init);
module_exit(mm_bench_exit);

MODULE_DESCRIPTION("nvvgpu partition allocators benchmark: nvvgpu_mm against drm_mm");
MODULE_AUTHOR("The nvvgpu developers");
MODULE_LICENSE("GPL");
