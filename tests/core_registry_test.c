// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the nvvgpu core: provider registry, attach replay, client
 * devices and the vGPU lifecycle, against fake providers and a fake backend.
 *
 * Copyright (c) 2026 The nvvgpu developers
 */

#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/slab.h>

#include <nvvgpu/compat.h>
#include <nvvgpu/core.h>

#include "../core/core_test.h"

#define SZ_1G_ULL	BIT_ULL(30)

/* what the fakes saw, and how they should fail */
static struct {
	atomic_t attach[NVVGPU_PROVIDER_NR];
	atomic_t detach[NVVGPU_PROVIDER_NR];
	atomic_t bootload, shutdown, alloc, free, clear, sched_add, sched_rm;
	int fail_bootload;
	int fail_alloc;
	bool runnable;
	/* hand-over: calls, what adopt saw, and a refusal to inject */
	atomic_t export, resume, adopt;
	int fail_adopt;
	u32 adopted_vgpus;
	bool adopted_runnable[NVVGPU_MAX_VGPUS_PER_PGPU];
	char adopted_policy[NVVGPU_HANDOVER_POLICY_LEN];
} fake;

static const struct nvvgpu_backend_ops fake_backend_ops;

static u32 fake_rd32(struct nvvgpu_pgpu *pgpu, u32 addr)
{
	return 0;
}

static void fake_wr32(struct nvvgpu_pgpu *pgpu, u32 addr, u32 val)
{
}

static void *fake_dma_alloc(struct nvvgpu_pgpu *pgpu, size_t size,
			    dma_addr_t *addr)
{
	void *p = kzalloc(size, GFP_KERNEL);

	*addr = (dma_addr_t)(uintptr_t)p;
	return p;
}

static void fake_dma_free(struct nvvgpu_pgpu *pgpu, size_t size, void *vaddr,
			  dma_addr_t addr)
{
	kfree(vaddr);
}

static int fake_fb_pfn(struct nvvgpu_pgpu *pgpu, u64 offset,
		       unsigned long *pfn)
{
	return -ERANGE;
}

static int fake_fb_rw(struct nvvgpu_pgpu *pgpu, u64 offset, void *buf,
		      size_t len, bool write)
{
	return -ERANGE;
}

static int fake_fb_clear(struct nvvgpu_pgpu *pgpu, u64 offset, u64 size)
{
	atomic_inc(&fake.clear);
	return 0;
}

static const struct nvvgpu_backend_ops fake_backend_ops = {
	.version = NVVGPU_BACKEND_OPS_VERSION,
	.name = "kunit",
	.rd32 = fake_rd32,
	.wr32 = fake_wr32,
	.dma_alloc = fake_dma_alloc,
	.dma_free = fake_dma_free,
	.fb_pfn = fake_fb_pfn,
	.fb_rw = fake_fb_rw,
	.fb_clear = fake_fb_clear,
};

static int fake_attach(struct nvvgpu_pgpu *pgpu, void **priv,
		       enum nvvgpu_provider_kind kind)
{
	/* in a kernel with the real stack built in, leave real GPUs alone */
	if (pgpu->backend != &fake_backend_ops)
		return -ENODEV;
	atomic_inc(&fake.attach[kind]);
	*priv = pgpu;
	return 0;
}

static int fake_transport_attach(struct nvvgpu_pgpu *pgpu, void **priv)
{
	return fake_attach(pgpu, priv, NVVGPU_PROVIDER_TRANSPORT);
}

static int fake_partition_attach(struct nvvgpu_pgpu *pgpu, void **priv)
{
	return fake_attach(pgpu, priv, NVVGPU_PROVIDER_PARTITION);
}

static int fake_sched_attach(struct nvvgpu_pgpu *pgpu, void **priv)
{
	return fake_attach(pgpu, priv, NVVGPU_PROVIDER_SCHEDULER);
}

static void fake_transport_detach(struct nvvgpu_pgpu *pgpu, void *priv)
{
	atomic_inc(&fake.detach[NVVGPU_PROVIDER_TRANSPORT]);
}

static void fake_partition_detach(struct nvvgpu_pgpu *pgpu, void *priv)
{
	atomic_inc(&fake.detach[NVVGPU_PROVIDER_PARTITION]);
}

static void fake_sched_detach(struct nvvgpu_pgpu *pgpu, void *priv)
{
	atomic_inc(&fake.detach[NVVGPU_PROVIDER_SCHEDULER]);
}

static void fake_type(struct nvvgpu_vgpu_type *t, u32 id, const char *name,
		      u64 fb, u32 max)
{
	t->id = id;
	strscpy(t->name, name, sizeof(t->name));
	strscpy(t->class, "Quadro", sizeof(t->class));
	t->fb_size = fb;
	t->heap_size = 64ULL << 20;
	t->bar1_size = 256ULL << 20;
	t->max_instances = max;
	t->num_channels = 64;
	t->device_id = 0x26b9;
	t->subsystem_id = 0x1000 + id;
}

static int fake_read_info(struct nvvgpu_pgpu *pgpu, struct nvvgpu_pgpu_info *info)
{
	info->fb_size = 8 * SZ_1G_ULL;
	info->vmmu_segment_size = 256ULL << 20;
	info->num_channels = 2048;
	info->engine_mask = 0x3;
	info->num_types = 2;
	fake_type(&info->types[0], 941, "KUNIT-1Q", SZ_1G_ULL, 4);
	fake_type(&info->types[1], 942, "KUNIT-2Q", 2 * SZ_1G_ULL, 2);
	return 0;
}

static int fake_bootload(struct nvvgpu_vgpu *vgpu)
{
	if (fake.fail_bootload)
		return fake.fail_bootload;
	atomic_inc(&fake.bootload);
	return 0;
}

static void fake_shutdown(struct nvvgpu_vgpu *vgpu)
{
	atomic_inc(&fake.shutdown);
}

static int fake_vgpu_alloc(struct nvvgpu_vgpu *vgpu, struct nvvgpu_partition *part)
{
	if (fake.fail_alloc)
		return fake.fail_alloc;
	atomic_inc(&fake.alloc);
	part->fb_offset = (u64)(vgpu->id + 1) * 2 * SZ_1G_ULL;
	part->fb_size = vgpu->type->fb_size;
	part->chid_base = 64 * (vgpu->id + 1);
	part->chid_count = vgpu->type->num_channels;
	return 0;
}

static void fake_vgpu_free(struct nvvgpu_vgpu *vgpu)
{
	atomic_inc(&fake.free);
}

static unsigned int fake_type_capacity(struct nvvgpu_pgpu *pgpu,
				       const struct nvvgpu_vgpu_type *type)
{
	return 3;
}

static int fake_sched_add(struct nvvgpu_vgpu *vgpu)
{
	atomic_inc(&fake.sched_add);
	return 0;
}

static void fake_sched_remove(struct nvvgpu_vgpu *vgpu)
{
	atomic_inc(&fake.sched_rm);
}

static void fake_set_runnable(struct nvvgpu_vgpu *vgpu, bool runnable)
{
	fake.runnable = runnable;
}

/* one half of a pair, for the malformed-table tests; never called */
static int fake_host_channel_alloc(struct nvvgpu_pgpu *pgpu,
				   struct nvvgpu_host_channel *ch)
{
	return -EOPNOTSUPP;
}

static void fake_host_fb_free(struct nvvgpu_pgpu *pgpu, u64 offset, u64 size)
{
}

/* two transports that differ only by name, for the double-registration tests */
#define FAKE_TRANSPORT(_name) {					\
	.base = {							\
		.version = NVVGPU_TRANSPORT_OPS_VERSION,		\
		.name = _name,						\
		.owner = THIS_MODULE,					\
		.attach = fake_transport_attach,			\
		.detach = fake_transport_detach,			\
	},								\
	.read_info = fake_read_info,					\
	.vgpu_bootload = fake_bootload,					\
	.vgpu_shutdown = fake_shutdown,					\
}

static const struct nvvgpu_transport_ops fake_transport =
	FAKE_TRANSPORT("kunit-transport");
static const struct nvvgpu_transport_ops fake_transport2 =
	FAKE_TRANSPORT("kunit-transport-2");

static const struct nvvgpu_partition_ops fake_partition = {
	.base = {
		.version = NVVGPU_PARTITION_OPS_VERSION,
		.name = "kunit-partition",
		.owner = THIS_MODULE,
		.attach = fake_partition_attach,
		.detach = fake_partition_detach,
	},
	.vgpu_alloc = fake_vgpu_alloc,
	.vgpu_free = fake_vgpu_free,
	.type_capacity = fake_type_capacity,
};

static int fake_export(struct nvvgpu_pgpu *pgpu, void *priv,
		       struct nvvgpu_handover *ho);
static void fake_resume(struct nvvgpu_pgpu *pgpu, void *priv);
static int fake_adopt(struct nvvgpu_pgpu *pgpu, const struct nvvgpu_handover *ho,
		      void **priv);

static const struct nvvgpu_sched_ops fake_sched = {
	.base = {
		.version = NVVGPU_SCHED_OPS_VERSION,
		.name = "kunit-sched",
		.owner = THIS_MODULE,
		.attach = fake_sched_attach,
		.detach = fake_sched_detach,
		.export = fake_export,
		.resume = fake_resume,
		.adopt = fake_adopt,
	},
	.vgpu_add = fake_sched_add,
	.vgpu_remove = fake_sched_remove,
	.vgpu_set_runnable = fake_set_runnable,
};

/* hand-over: the fakes export a policy name and adopt what they are given */
static int fake_export(struct nvvgpu_pgpu *pgpu, void *priv,
		       struct nvvgpu_handover *ho)
{
	atomic_inc(&fake.export);
	strscpy(ho->sched.policy, "kunit_share", sizeof(ho->sched.policy));
	return 0;
}

static void fake_resume(struct nvvgpu_pgpu *pgpu, void *priv)
{
	atomic_inc(&fake.resume);
}

static int fake_adopt(struct nvvgpu_pgpu *pgpu, const struct nvvgpu_handover *ho,
		      void **priv)
{
	u32 i;

	atomic_inc(&fake.adopt);
	if (fake.fail_adopt)
		return fake.fail_adopt;
	fake.adopted_vgpus = ho->num_vgpus;
	for (i = 0; i < ho->num_vgpus; i++)
		fake.adopted_runnable[i] = ho->vgpus[i].runnable;
	strscpy(fake.adopted_policy, ho->sched.policy,
		sizeof(fake.adopted_policy));
	*priv = pgpu;
	return 0;
}

/* schedulers that hand over, and a partitioner that only takes over */
#define FAKE_SCHED(_name) {						\
	.base = {							\
		.version = NVVGPU_SCHED_OPS_VERSION,			\
		.name = _name,						\
		.owner = THIS_MODULE,					\
		.attach = fake_sched_attach,				\
		.detach = fake_sched_detach,				\
		.export = fake_export,					\
		.resume = fake_resume,					\
		.adopt = fake_adopt,					\
	},								\
	.vgpu_add = fake_sched_add,					\
	.vgpu_remove = fake_sched_remove,				\
	.vgpu_set_runnable = fake_set_runnable,				\
}

static const struct nvvgpu_sched_ops fake_sched2 = FAKE_SCHED("kunit-sched-2");
static const struct nvvgpu_sched_ops fake_sched3 = FAKE_SCHED("kunit-sched-3");

static const struct nvvgpu_partition_ops fake_partition2 = {
	.base = {
		.version = NVVGPU_PARTITION_OPS_VERSION,
		.name = "kunit-partition-2",
		.owner = THIS_MODULE,
		.attach = fake_partition_attach,
		.detach = fake_partition_detach,
		.adopt = fake_adopt,
	},
	.vgpu_alloc = fake_vgpu_alloc,
	.vgpu_free = fake_vgpu_free,
	.type_capacity = fake_type_capacity,
};

static const struct nvvgpu_provider *fake_providers[NVVGPU_PROVIDER_NR] = {
	&fake_transport.base, &fake_partition.base, &fake_sched.base,
};

/*
 * The registry hands back the common part of a kind's table (for the
 * tests that take it over and give it back): through the typed functions
 * again, recovered as the core filed it, under its kind.
 */
static int register_kind(enum nvvgpu_provider_kind kind,
			 const struct nvvgpu_provider *prov)
{
	switch (kind) {
	case NVVGPU_PROVIDER_TRANSPORT:
		return nvvgpu_register_transport(container_of(prov,
				struct nvvgpu_transport_ops, base));
	case NVVGPU_PROVIDER_PARTITION:
		return nvvgpu_register_partition(container_of(prov,
				struct nvvgpu_partition_ops, base));
	case NVVGPU_PROVIDER_SCHEDULER:
		return nvvgpu_register_scheduler(container_of(prov,
				struct nvvgpu_sched_ops, base));
	default:
		return -EINVAL;
	}
}

static int unregister_kind(enum nvvgpu_provider_kind kind,
			   const struct nvvgpu_provider *prov)
{
	switch (kind) {
	case NVVGPU_PROVIDER_TRANSPORT:
		return nvvgpu_unregister_transport(container_of(prov,
				struct nvvgpu_transport_ops, base));
	case NVVGPU_PROVIDER_PARTITION:
		return nvvgpu_unregister_partition(container_of(prov,
				struct nvvgpu_partition_ops, base));
	case NVVGPU_PROVIDER_SCHEDULER:
		return nvvgpu_unregister_scheduler(container_of(prov,
				struct nvvgpu_sched_ops, base));
	default:
		return -EINVAL;
	}
}

/* per test: the real providers we took out of the registry, and our GPU */
struct core_test_ctx {
	const struct nvvgpu_provider *saved[NVVGPU_PROVIDER_NR][4];
	unsigned int num_saved[NVVGPU_PROVIDER_NR];
	struct device *dev;
	struct nvvgpu_pgpu *pgpu;
};

static int core_test_init(struct kunit *test)
{
	struct core_test_ctx *ctx;
	int kind;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	test->priv = ctx;
	memset(&fake, 0, sizeof(fake));

	/* take the registry over (every provider of a kind); give it back */
	for (kind = NVVGPU_PROVIDER_NR - 1; kind >= 0; kind--) {
		const struct nvvgpu_provider *p;

		while ((p = nvvgpu_registered_provider(kind))) {
			if (ctx->num_saved[kind] == ARRAY_SIZE(ctx->saved[kind]) ||
			    unregister_kind(kind, p)) {
				kunit_skip(test, "real %s provider has vGPUs", p->name);
				return 0;
			}
			ctx->saved[kind][ctx->num_saved[kind]++] = p;
		}
	}

	ctx->dev = kunit_device_register(test, "nvvgpu-kunit");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx->dev);
	return 0;
}

static void core_test_exit(struct kunit *test)
{
	struct core_test_ctx *ctx = test->priv;
	unsigned int i;
	int kind;

	if (!ctx)
		return;
	if (ctx->pgpu)
		nvvgpu_pgpu_unregister(ctx->pgpu);
	/* every fake left, whatever the test did */
	nvvgpu_unregister_scheduler(&fake_sched3);
	nvvgpu_unregister_scheduler(&fake_sched2);
	nvvgpu_unregister_partition(&fake_partition2);
	for (kind = 0; kind < NVVGPU_PROVIDER_NR; kind++) {
		if (nvvgpu_registered_provider(kind) == fake_providers[kind])
			unregister_kind(kind, fake_providers[kind]);
	}
	for (kind = 0; kind < NVVGPU_PROVIDER_NR; kind++)
		for (i = 0; i < ctx->num_saved[kind]; i++)
			register_kind(kind, ctx->saved[kind][i]);
}

static struct nvvgpu_pgpu *add_gpu(struct kunit *test)
{
	struct core_test_ctx *ctx = test->priv;

	ctx->pgpu = nvvgpu_pgpu_register(ctx->dev, &fake_backend_ops,
					 "535.113.01", NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx->pgpu);
	return ctx->pgpu;
}

static void register_all(struct kunit *test)
{
	int kind;

	for (kind = 0; kind < NVVGPU_PROVIDER_NR; kind++)
		KUNIT_ASSERT_EQ(test, register_kind(kind, fake_providers[kind]), 0);
}

static const uuid_t test_uuid[] = {
	UUID_INIT(0x8a7d2c44, 0x1b2e, 0x4c1a, 0x9d, 0x3e, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x01),
	UUID_INIT(0x8a7d2c44, 0x1b2e, 0x4c1a, 0x9d, 0x3e, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x02),
	UUID_INIT(0x8a7d2c44, 0x1b2e, 0x4c1a, 0x9d, 0x3e, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x03),
};

static void core_test_version_mismatch(struct kunit *test)
{
	struct nvvgpu_transport_ops bad_transport = fake_transport;
	struct nvvgpu_partition_ops bad_partition = fake_partition;
	struct nvvgpu_sched_ops bad_sched = fake_sched;
	struct nvvgpu_backend_ops bad_backend = fake_backend_ops;
	struct core_test_ctx *ctx = test->priv;
	int kind;

	/* each kind is checked against its own version */
	bad_transport.base.version = NVVGPU_TRANSPORT_OPS_VERSION + 1;
	KUNIT_EXPECT_EQ(test, nvvgpu_register_transport(&bad_transport), -EINVAL);
	bad_partition.base.version = NVVGPU_PARTITION_OPS_VERSION + 1;
	KUNIT_EXPECT_EQ(test, nvvgpu_register_partition(&bad_partition), -EINVAL);
	bad_sched.base.version = NVVGPU_SCHED_OPS_VERSION + 1;
	KUNIT_EXPECT_EQ(test, nvvgpu_register_scheduler(&bad_sched), -EINVAL);
	for (kind = 0; kind < NVVGPU_PROVIDER_NR; kind++)
		KUNIT_EXPECT_NULL(test, nvvgpu_registered_provider(kind));

	bad_backend.version = NVVGPU_BACKEND_OPS_VERSION + 1;
	KUNIT_EXPECT_EQ(test, PTR_ERR(nvvgpu_pgpu_register(ctx->dev, &bad_backend,
							   "535.113.01", NULL)),
			-EINVAL);
}

/*
 * A table of one kind given as another's is refused by the compiler: each
 * kind has its own registration function and table type, and the table
 * carries no kind to get wrong.
 */
/* the broken tables, off the stack: together they outgrow a frame */
struct malformed_tables {
	struct nvvgpu_transport_ops no_info, half_channel, no_name;
	struct nvvgpu_partition_ops no_capacity, half_host_fb;
	struct nvvgpu_sched_ops no_add;
	struct nvvgpu_backend_ops no_clear;
};

static void core_test_malformed(struct kunit *test)
{
	struct malformed_tables *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	struct core_test_ctx *ctx = test->priv;
	int kind;

	KUNIT_ASSERT_NOT_NULL(test, m);
	m->no_info = fake_transport;
	m->half_channel = fake_transport;
	m->no_name = fake_transport;
	m->no_capacity = fake_partition;
	m->half_host_fb = fake_partition;
	m->no_add = fake_sched;
	m->no_clear = fake_backend_ops;

	KUNIT_EXPECT_EQ(test, nvvgpu_register_transport(NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, nvvgpu_register_partition(NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, nvvgpu_register_scheduler(NULL), -EINVAL);
	m->no_name.base.name = NULL;
	KUNIT_EXPECT_EQ(test, nvvgpu_register_transport(&m->no_name), -EINVAL);
	m->no_info.read_info = NULL;
	KUNIT_EXPECT_EQ(test, nvvgpu_register_transport(&m->no_info), -EINVAL);
	m->half_channel.host_channel_alloc = fake_host_channel_alloc;
	KUNIT_EXPECT_EQ(test, nvvgpu_register_transport(&m->half_channel), -EINVAL);
	m->no_capacity.type_capacity = NULL;
	KUNIT_EXPECT_EQ(test, nvvgpu_register_partition(&m->no_capacity), -EINVAL);
	m->half_host_fb.host_fb_free = fake_host_fb_free;
	KUNIT_EXPECT_EQ(test, nvvgpu_register_partition(&m->half_host_fb), -EINVAL);
	m->no_add.vgpu_add = NULL;
	KUNIT_EXPECT_EQ(test, nvvgpu_register_scheduler(&m->no_add), -EINVAL);
	for (kind = 0; kind < NVVGPU_PROVIDER_NR; kind++)
		KUNIT_EXPECT_NULL(test, nvvgpu_registered_provider(kind));

	m->no_clear.fb_clear = NULL;
	KUNIT_EXPECT_EQ(test, PTR_ERR(nvvgpu_pgpu_register(ctx->dev, &m->no_clear,
							   "535.113.01", NULL)),
			-EINVAL);

	/* only the table registered can be unregistered */
	KUNIT_EXPECT_EQ(test, nvvgpu_unregister_scheduler(&fake_sched), -ENOENT);
	KUNIT_EXPECT_EQ(test, nvvgpu_unregister_scheduler(NULL), -ENOENT);
	KUNIT_ASSERT_EQ(test, nvvgpu_register_transport(&fake_transport), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_unregister_transport(&fake_transport2), -ENOENT);
	KUNIT_EXPECT_PTR_EQ(test, nvvgpu_registered_provider(NVVGPU_PROVIDER_TRANSPORT),
			    &fake_transport.base);

	/* a second scheduler is welcome beside the first, a namesake is not */
	KUNIT_ASSERT_EQ(test, nvvgpu_register_scheduler(&fake_sched), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_register_scheduler(&fake_sched), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_register_scheduler(&fake_sched2), 0);
	KUNIT_EXPECT_PTR_EQ(test, nvvgpu_registered_provider(NVVGPU_PROVIDER_SCHEDULER),
			    &fake_sched.base);
	/* the first goes: the second is the default now */
	KUNIT_EXPECT_EQ(test, nvvgpu_unregister_scheduler(&fake_sched), 0);
	KUNIT_EXPECT_PTR_EQ(test, nvvgpu_registered_provider(NVVGPU_PROVIDER_SCHEDULER),
			    &fake_sched2.base);
}

static void core_test_double_registration(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, nvvgpu_register_transport(&fake_transport), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_register_transport(&fake_transport), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_register_transport(&fake_transport2), -EBUSY);
	KUNIT_EXPECT_PTR_EQ(test, nvvgpu_registered_provider(NVVGPU_PROVIDER_TRANSPORT),
			    &fake_transport.base);
}

static void core_test_replay_attach(struct kunit *test)
{
	struct nvvgpu_pgpu *pgpu = add_gpu(test);
	char name[48];

	KUNIT_EXPECT_FALSE(test, pgpu->ready);
	KUNIT_EXPECT_NULL(test, pgpu->aux[NVVGPU_CLIENT_VFIO]);

	/* dependents registered first wait for the transport */
	KUNIT_ASSERT_EQ(test, nvvgpu_register_scheduler(&fake_sched), 0);
	KUNIT_ASSERT_EQ(test, nvvgpu_register_partition(&fake_partition), 0);
	KUNIT_EXPECT_EQ(test, pgpu->attached, 0UL);

	KUNIT_ASSERT_EQ(test, nvvgpu_register_transport(&fake_transport), 0);
	KUNIT_EXPECT_EQ(test, pgpu->attached, 0x7UL);
	KUNIT_EXPECT_TRUE(test, pgpu->ready);
	KUNIT_EXPECT_EQ(test, pgpu->info.num_types, 2U);
	KUNIT_EXPECT_NOT_NULL(test, pgpu->aux[NVVGPU_CLIENT_VFIO]);
	KUNIT_EXPECT_NOT_NULL(test, pgpu->aux[NVVGPU_CLIENT_DRM]);
	snprintf(name, sizeof(name), NVVGPU_AUX_VFIO ".%u", pgpu->id);
	KUNIT_EXPECT_STREQ(test, dev_name(&pgpu->aux[NVVGPU_CLIENT_VFIO]->dev), name);
	KUNIT_EXPECT_PTR_EQ(test, nvvgpu_aux_to_pgpu(pgpu->aux[NVVGPU_CLIENT_DRM]),
			    pgpu);
}

static void core_test_register_after_gpu(struct kunit *test)
{
	struct core_test_ctx *ctx = test->priv;
	struct nvvgpu_pgpu *pgpu;

	register_all(test);
	pgpu = add_gpu(test);
	KUNIT_EXPECT_EQ(test, pgpu->attached, 0x7UL);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.attach[NVVGPU_PROVIDER_SCHEDULER]), 1);

	nvvgpu_pgpu_unregister(pgpu);
	ctx->pgpu = NULL;
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.detach[NVVGPU_PROVIDER_TRANSPORT]), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.detach[NVVGPU_PROVIDER_SCHEDULER]), 1);
}

static void core_test_unregister_detaches_dependents(struct kunit *test)
{
	struct nvvgpu_pgpu *pgpu = add_gpu(test);

	register_all(test);
	KUNIT_ASSERT_EQ(test, nvvgpu_unregister_transport(&fake_transport), 0);
	KUNIT_EXPECT_EQ(test, pgpu->attached, 0UL);
	KUNIT_EXPECT_FALSE(test, pgpu->ready);
	KUNIT_EXPECT_NULL(test, pgpu->aux[NVVGPU_CLIENT_VFIO]);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.detach[NVVGPU_PROVIDER_PARTITION]), 1);
	/* the dependents stay registered and come back with the transport */
	KUNIT_EXPECT_PTR_EQ(test, nvvgpu_registered_provider(NVVGPU_PROVIDER_SCHEDULER),
			    &fake_sched.base);
	KUNIT_ASSERT_EQ(test, nvvgpu_register_transport(&fake_transport), 0);
	KUNIT_EXPECT_EQ(test, pgpu->attached, 0x7UL);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.attach[NVVGPU_PROVIDER_SCHEDULER]), 2);
}

static void core_test_unregister_busy(struct kunit *test)
{
	struct nvvgpu_pgpu *pgpu = add_gpu(test);
	struct nvvgpu_vgpu *vgpu;
	int kind;

	register_all(test);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[0], &vgpu), 0);
	for (kind = 0; kind < NVVGPU_PROVIDER_NR; kind++) {
		KUNIT_EXPECT_EQ(test, unregister_kind(kind, fake_providers[kind]),
				-EBUSY);
		KUNIT_EXPECT_PTR_EQ(test, nvvgpu_registered_provider(kind),
				    fake_providers[kind]);
	}
	KUNIT_EXPECT_EQ(test, pgpu->attached, 0x7UL);
	nvvgpu_vgpu_destroy(vgpu);
	KUNIT_EXPECT_EQ(test, nvvgpu_unregister_partition(&fake_partition), 0);
	KUNIT_EXPECT_EQ(test, pgpu->attached, 0x1UL);
}

static void core_test_lifecycle(struct kunit *test)
{
	struct nvvgpu_pgpu *pgpu = add_gpu(test);
	struct nvvgpu_vgpu *vgpu;

	register_all(test);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 942, &test_uuid[0], &vgpu), 0);
	KUNIT_EXPECT_EQ(test, vgpu->state, NVVGPU_VGPU_BOOTED);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.bootload), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.sched_add), 1);
	KUNIT_EXPECT_EQ(test, vgpu->part.fb_size, 2 * SZ_1G_ULL);

	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_stop(vgpu), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_resume(vgpu), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_start(vgpu), 0);
	KUNIT_EXPECT_EQ(test, vgpu->state, NVVGPU_VGPU_RUNNING);
	KUNIT_EXPECT_TRUE(test, fake.runnable);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_start(vgpu), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_pause(vgpu), 0);
	KUNIT_EXPECT_FALSE(test, fake.runnable);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_start(vgpu), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_resume(vgpu), 0);
	KUNIT_EXPECT_EQ(test, vgpu->state, NVVGPU_VGPU_RUNNING);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_stop(vgpu), 0);
	KUNIT_EXPECT_EQ(test, vgpu->state, NVVGPU_VGPU_STOPPED);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_start(vgpu), 0);

	/* destroying a running vGPU stops it first */
	nvvgpu_vgpu_destroy(vgpu);
	KUNIT_EXPECT_FALSE(test, fake.runnable);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.shutdown), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.free), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.sched_rm), 1);
	KUNIT_EXPECT_EQ(test, pgpu->num_vgpus, 0U);
	KUNIT_EXPECT_STREQ(test, nvvgpu_vgpu_state_name(NVVGPU_VGPU_PAUSED), "paused");
}

static void core_test_reset(struct kunit *test)
{
	struct nvvgpu_pgpu *pgpu = add_gpu(test);
	struct nvvgpu_vgpu *vgpu;

	register_all(test);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[0], &vgpu), 0);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_start(vgpu), 0);

	/* a reset re-bootloads the plugin, scrubs, and keeps it running */
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_reset(vgpu), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.shutdown), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.bootload), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.clear), 1);
	KUNIT_EXPECT_EQ(test, vgpu->state, NVVGPU_VGPU_RUNNING);
	KUNIT_EXPECT_TRUE(test, fake.runnable);

	/* the plugin does not come back: stopped, cannot start, no 2nd shutdown */
	fake.fail_bootload = -ETIMEDOUT;
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_reset(vgpu), -ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, vgpu->state, NVVGPU_VGPU_STOPPED);
	KUNIT_EXPECT_FALSE(test, fake.runnable);
	fake.fail_bootload = 0;
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_start(vgpu), -EIO);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_reset(vgpu), -EBUSY);
	nvvgpu_vgpu_destroy(vgpu);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.shutdown), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.free), 1);
}

static void core_test_create_errors(struct kunit *test)
{
	struct nvvgpu_pgpu *pgpu = add_gpu(test);
	struct nvvgpu_vgpu *vgpu, *v2;

	KUNIT_ASSERT_EQ(test, nvvgpu_register_transport(&fake_transport), 0);
	KUNIT_ASSERT_EQ(test, nvvgpu_register_partition(&fake_partition), 0);
	/* no scheduler yet */
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[0], &vgpu),
			-ENODEV);
	KUNIT_ASSERT_EQ(test, nvvgpu_register_scheduler(&fake_sched), 0);

	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_create(pgpu, 7, &test_uuid[0], &vgpu),
			-EINVAL);

	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[0], &vgpu), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[0], &v2),
			-EEXIST);

	/* a failing bootload leaves nothing behind */
	fake.fail_bootload = -ETIMEDOUT;
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[1], &v2),
			-ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.alloc), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.free), 1);
	KUNIT_EXPECT_EQ(test, pgpu->num_vgpus, 1U);
	fake.fail_bootload = 0;

	fake.fail_alloc = -ENOSPC;
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[1], &v2),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.bootload), 1);
	fake.fail_alloc = 0;

	/* the UUID of a failed creation is free again */
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[1], &v2), 0);
	nvvgpu_vgpu_destroy(v2);
	nvvgpu_vgpu_destroy(vgpu);
	KUNIT_EXPECT_EQ(test, pgpu->num_vgpus, 0U);
}

static void core_test_instances(struct kunit *test)
{
	struct nvvgpu_pgpu *pgpu = add_gpu(test);
	const struct nvvgpu_vgpu_type *t;
	struct nvvgpu_vgpu *v[3];

	register_all(test);
	t = nvvgpu_pgpu_find_type(pgpu, 942);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_NULL(test, nvvgpu_pgpu_find_type(pgpu, 943));
	/* min(max_instances 2, partition capacity 3) */
	KUNIT_EXPECT_EQ(test, nvvgpu_type_available(pgpu, t), 2U);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 942, &test_uuid[0], &v[0]), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_type_available(pgpu, t), 1U);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 942, &test_uuid[1], &v[1]), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_type_available(pgpu, t), 0U);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_create(pgpu, 942, &test_uuid[2], &v[2]),
			-ENOSPC);
	KUNIT_EXPECT_NE(test, v[0]->id, v[1]->id);
	nvvgpu_vgpu_destroy(v[0]);
	KUNIT_EXPECT_EQ(test, nvvgpu_type_available(pgpu, t), 1U);
	nvvgpu_vgpu_destroy(v[1]);
}

static void core_test_lost(struct kunit *test)
{
	struct nvvgpu_pgpu *pgpu = add_gpu(test);
	struct nvvgpu_vgpu *vgpu, *v2;

	register_all(test);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[0], &vgpu), 0);
	nvvgpu_pgpu_set_lost(pgpu, "kunit");
	nvvgpu_pgpu_set_lost(pgpu, "kunit again");
	flush_work(&pgpu->lost_work);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_start(vgpu), -EIO);
	KUNIT_EXPECT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[1], &v2), -EIO);
	KUNIT_EXPECT_EQ(test, nvvgpu_type_available(pgpu, &pgpu->info.types[0]), 0U);

	/* vGPUs died with the firmware: no recovery while one is left */
	KUNIT_ASSERT_EQ(test, nvvgpu_pgpu_lock_sysfs(pgpu), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_pgpu_clear_lost(pgpu), -EBUSY);
	nvvgpu_pgpu_unlock(pgpu);
	nvvgpu_vgpu_destroy(vgpu);
	KUNIT_ASSERT_EQ(test, nvvgpu_pgpu_lock_sysfs(pgpu), 0);
	KUNIT_EXPECT_EQ(test, nvvgpu_pgpu_clear_lost(pgpu), 0);
	nvvgpu_pgpu_unlock(pgpu);
	flush_work(&pgpu->lost_work);
	KUNIT_EXPECT_FALSE(test, pgpu->lost);
	KUNIT_EXPECT_EQ(test, nvvgpu_type_available(pgpu, &pgpu->info.types[0]), 3U);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[1], &v2), 0);
	nvvgpu_vgpu_destroy(v2);
}

static void core_test_unregister_gpu_with_vgpus(struct kunit *test)
{
	struct core_test_ctx *ctx = test->priv;
	struct nvvgpu_pgpu *pgpu = add_gpu(test);
	struct nvvgpu_vgpu *vgpu;

	register_all(test);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[0], &vgpu), 0);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 942, &test_uuid[1], &vgpu), 0);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_start(vgpu), 0);
	nvvgpu_pgpu_unregister(pgpu);
	ctx->pgpu = NULL;
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.free), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.shutdown), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.detach[NVVGPU_PROVIDER_TRANSPORT]), 1);
}

/* two threads race to register a provider of the same kind, many times */
struct race_arg {
	const struct nvvgpu_transport_ops *ops;
	struct completion *go;
	struct completion done;
	int wins;
};

static int race_fn(void *data)
{
	struct race_arg *arg = data;

	wait_for_completion(arg->go);
	if (!nvvgpu_register_transport(arg->ops)) {
		arg->wins++;
		nvvgpu_unregister_transport(arg->ops);
	}
	complete(&arg->done);
	return 0;
}

static void core_test_registration_race(struct kunit *test)
{
	struct nvvgpu_pgpu *pgpu = add_gpu(test);
	struct race_arg a = { .ops = &fake_transport };
	struct race_arg b = { .ops = &fake_transport2 };
	struct task_struct *ta, *tb;
	DECLARE_COMPLETION_ONSTACK(go);
	int i;

	KUNIT_ASSERT_EQ(test, nvvgpu_register_partition(&fake_partition), 0);
	a.go = &go;
	b.go = &go;
	init_completion(&a.done);
	init_completion(&b.done);
	for (i = 0; i < 20; i++) {
		reinit_completion(&go);
		reinit_completion(&a.done);
		reinit_completion(&b.done);
		ta = kthread_run(race_fn, &a, "nvvgpu-race-a");
		KUNIT_ASSERT_FALSE(test, IS_ERR(ta));
		tb = kthread_run(race_fn, &b, "nvvgpu-race-b");
		if (IS_ERR(tb)) {
			complete_all(&go);
			wait_for_completion(&a.done);
			KUNIT_FAIL(test, "kthread_run: %pe", tb);
			return;
		}
		complete_all(&go);
		wait_for_completion(&a.done);
		wait_for_completion(&b.done);
	}
	/* every round at least one won, and the pgpu ended clean */
	KUNIT_EXPECT_GE(test, a.wins + b.wins, 20);
	KUNIT_EXPECT_EQ(test, pgpu->attached, 0UL);
	KUNIT_EXPECT_FALSE(test, pgpu->ready);
	KUNIT_EXPECT_NULL(test, nvvgpu_registered_provider(NVVGPU_PROVIDER_TRANSPORT));
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.attach[NVVGPU_PROVIDER_TRANSPORT]),
			atomic_read(&fake.detach[NVVGPU_PROVIDER_TRANSPORT]));
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.attach[NVVGPU_PROVIDER_PARTITION]),
			atomic_read(&fake.detach[NVVGPU_PROVIDER_PARTITION]));
}

static int switch_sched(struct nvvgpu_pgpu *pgpu, const char *name)
{
	return nvvgpu_pgpu_switch_provider(pgpu, NVVGPU_PROVIDER_SCHEDULER, name);
}

static int switch_part(struct nvvgpu_pgpu *pgpu, const char *name)
{
	return nvvgpu_pgpu_switch_provider(pgpu, NVVGPU_PROVIDER_PARTITION, name);
}

/*
 * Swapping the scheduler with vGPUs alive: the outgoing one exports, the
 * incoming one adopts what the core and it described, the old one is
 * detached, and the vGPUs stay; a refusal leaves the pgpu on the old one.
 */
static void core_test_handover(struct kunit *test)
{
	struct nvvgpu_pgpu *pgpu = add_gpu(test);
	struct nvvgpu_vgpu *a, *b;
	int detached;

	register_all(test);
	KUNIT_ASSERT_EQ(test, nvvgpu_register_scheduler(&fake_sched2), 0);
	KUNIT_ASSERT_EQ(test, nvvgpu_register_partition(&fake_partition2), 0);
	KUNIT_EXPECT_PTR_EQ(test, pgpu->prov[NVVGPU_PROVIDER_SCHEDULER],
			    &fake_sched.base);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[0], &a), 0);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 942, &test_uuid[1], &b), 0);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_start(b), 0);

	detached = atomic_read(&fake.detach[NVVGPU_PROVIDER_SCHEDULER]);
	KUNIT_EXPECT_EQ(test, switch_sched(pgpu, "kunit-sched-2"), 0);
	KUNIT_EXPECT_PTR_EQ(test, pgpu->prov[NVVGPU_PROVIDER_SCHEDULER],
			    &fake_sched2.base);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.export), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.adopt), 1);
	KUNIT_EXPECT_EQ(test, fake.adopted_vgpus, 2U);
	KUNIT_EXPECT_FALSE(test, fake.adopted_runnable[0]);
	KUNIT_EXPECT_TRUE(test, fake.adopted_runnable[1]);
	KUNIT_EXPECT_STREQ(test, fake.adopted_policy, "kunit_share");
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.detach[NVVGPU_PROVIDER_SCHEDULER]),
			detached + 1);
	KUNIT_EXPECT_EQ(test, pgpu->num_vgpus, 2U);
	KUNIT_EXPECT_EQ(test, b->state, NVVGPU_VGPU_RUNNING);
	/* the same again is nothing to do */
	KUNIT_EXPECT_EQ(test, switch_sched(pgpu, "kunit-sched-2"), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.export), 1);

	/* the incoming one refuses: the outgoing one resumes */
	fake.fail_adopt = -ENOSPC;
	KUNIT_EXPECT_EQ(test, switch_sched(pgpu, "kunit-sched"), -ENOSPC);
	KUNIT_EXPECT_PTR_EQ(test, pgpu->prov[NVVGPU_PROVIDER_SCHEDULER],
			    &fake_sched2.base);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.resume), 1);
	fake.fail_adopt = 0;

	/* a partitioner without export cannot give up a pgpu with vGPUs */
	KUNIT_EXPECT_EQ(test, switch_part(pgpu, "kunit-partition-2"),
			-EOPNOTSUPP);
	KUNIT_EXPECT_PTR_EQ(test, pgpu->prov[NVVGPU_PROVIDER_PARTITION],
			    &fake_partition.base);
	/* nor is the transport or an unknown name switched */
	KUNIT_EXPECT_EQ(test, nvvgpu_pgpu_switch_provider(pgpu,
							  NVVGPU_PROVIDER_TRANSPORT,
							  "kunit-transport"),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, switch_sched(pgpu, "nonesuch"), -ENOENT);

	/* the active one is pinned by the vGPUs, the idle one is free to go */
	KUNIT_EXPECT_EQ(test, nvvgpu_unregister_scheduler(&fake_sched2), -EBUSY);
	KUNIT_EXPECT_EQ(test, nvvgpu_unregister_scheduler(&fake_sched), 0);
	KUNIT_EXPECT_PTR_EQ(test, pgpu->prov[NVVGPU_PROVIDER_SCHEDULER],
			    &fake_sched2.base);

	/* without vGPUs a partitioner is swapped by detach and attach */
	nvvgpu_vgpu_destroy(a);
	nvvgpu_vgpu_destroy(b);
	KUNIT_EXPECT_EQ(test, switch_part(pgpu, "kunit-partition-2"), 0);
	KUNIT_EXPECT_PTR_EQ(test, pgpu->prov[NVVGPU_PROVIDER_PARTITION],
			    &fake_partition2.base);
	KUNIT_EXPECT_EQ(test, pgpu->attached, 0x7UL);
}

/* switches race with registrations of a third scheduler */
struct switch_race_arg {
	struct nvvgpu_pgpu *pgpu;
	struct completion done;
	int errors;
};

static int switch_race_fn(void *data)
{
	struct switch_race_arg *arg = data;
	int i;

	for (i = 0; i < 50; i++)
		if (nvvgpu_pgpu_switch_provider(arg->pgpu, NVVGPU_PROVIDER_SCHEDULER,
						i & 1 ? "kunit-sched" : "kunit-sched-2"))
			arg->errors++;
	complete(&arg->done);
	return 0;
}

static int register_race_fn(void *data)
{
	struct switch_race_arg *arg = data;
	int i;

	for (i = 0; i < 50; i++) {
		if (nvvgpu_register_scheduler(&fake_sched3) ||
		    nvvgpu_unregister_scheduler(&fake_sched3))
			arg->errors++;
	}
	complete(&arg->done);
	return 0;
}

static void core_test_handover_race(struct kunit *test)
{
	struct nvvgpu_pgpu *pgpu = add_gpu(test);
	struct switch_race_arg sw = { .pgpu = pgpu }, reg = { .pgpu = pgpu };
	struct task_struct *t;
	struct nvvgpu_vgpu *vgpu;

	register_all(test);
	KUNIT_ASSERT_EQ(test, nvvgpu_register_scheduler(&fake_sched2), 0);
	KUNIT_ASSERT_EQ(test, nvvgpu_vgpu_create(pgpu, 941, &test_uuid[0], &vgpu), 0);
	init_completion(&sw.done);
	init_completion(&reg.done);
	t = kthread_run(register_race_fn, &reg, "nvvgpu-reg-race");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	t = kthread_run(switch_race_fn, &sw, "nvvgpu-switch-race");
	if (IS_ERR(t)) {
		wait_for_completion(&reg.done);
		KUNIT_FAIL(test, "kthread_run: %pe", t);
		return;
	}
	wait_for_completion(&sw.done);
	wait_for_completion(&reg.done);
	KUNIT_EXPECT_EQ(test, sw.errors, 0);
	KUNIT_EXPECT_EQ(test, reg.errors, 0);
	/* 50 switches, the last to kunit-sched; every export met an adopt */
	KUNIT_EXPECT_PTR_EQ(test, pgpu->prov[NVVGPU_PROVIDER_SCHEDULER],
			    &fake_sched.base);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.export), 50);
	KUNIT_EXPECT_EQ(test, atomic_read(&fake.adopt), 50);
	nvvgpu_vgpu_destroy(vgpu);
}

static struct kunit_case core_test_cases[] = {
	KUNIT_CASE(core_test_version_mismatch),
	KUNIT_CASE(core_test_malformed),
	KUNIT_CASE(core_test_double_registration),
	KUNIT_CASE(core_test_replay_attach),
	KUNIT_CASE(core_test_register_after_gpu),
	KUNIT_CASE(core_test_unregister_detaches_dependents),
	KUNIT_CASE(core_test_unregister_busy),
	KUNIT_CASE(core_test_lifecycle),
	KUNIT_CASE(core_test_reset),
	KUNIT_CASE(core_test_create_errors),
	KUNIT_CASE(core_test_instances),
	KUNIT_CASE(core_test_lost),
	KUNIT_CASE(core_test_unregister_gpu_with_vgpus),
	KUNIT_CASE_SLOW(core_test_registration_race),
	KUNIT_CASE(core_test_handover),
	KUNIT_CASE_SLOW(core_test_handover_race),
	{}
};

static struct kunit_suite core_test_suite = {
	.name = "nvvgpu_core",
	.init = core_test_init,
	.exit = core_test_exit,
	.test_cases = core_test_cases,
};

kunit_test_suite(core_test_suite);
