using Machina.QObjects;
using Machina.Qapi.Visitors;
using static Machina.Qapi.Tests.Visitors.VisitorAssert;

namespace Machina.Qapi.Tests.Visitors;

/// <summary>
/// With several unexpected members QEMU names the first in its GLib hash table's order; these
/// cases were recorded from the real QEMU 7.2 binary (query-status with made-up arguments, and
/// migrate-set-parameters with some real members, which QEMU visits in schema order first).
/// </summary>
public class UnexpectedMemberOrderTests
{
    /// <summary>Keys in input order, keys visited (in visit order), the key QEMU reported.</summary>
    public static TheoryData<string, string, string> RecordedFromQemu => new()
    {
        { "p_ j0", "", "j0" },
        { "yq8p5w nnt8v q", "", "nnt8v" },
        { "xn3j8n0 bw03hiu mwm k0u- g0oncob", "", "xn3j8n0" },
        { "i6u-0hv uop3x ex pjqyv k3kivn seglaj opwofm zp3", "", "k3kivn" },
        { "t47 n0mett i- vq7g5n gyl6ouw yc_8ye dd qn uf6lp pkkfi t z9bg9 fuahr", "", "gyl6ouw" },
        { "ad dn_nm3 fur3 unz_ o0inktz glw3ahv v y6 ncn395 rd1va6v rko t z1eilbv j5k l315ukc y d1l qgd1br h k-in- s", "", "ncn395" },
        { "n tr19ko ahmy8 s2-l u9 yr_ lhzz yu6 qp ywo03-t jm38dq mnq07iu j8if6o orsp7 msl4xb tyeig1 tme yqcq7 g1km4re o driy_ u h_pksiy v e0v uv9pbr m- i6 zn9 e18mii voqbh1 qc4j ix3ws4 v29cs", "", "g1km4re" },
        { "f5x6 pke q9rml2 oaj x n jff43n7 qou6t5 jdn84 wt uqv b8 zqwwj bau yml j37dkg4 uzd ni ea2 l0phv2u a702mi d05z5 ooc27e ihx8xeu z_4r uy6q d h71kjma z i dko hrejc iwf7x9k dqa z-6812p vjwr8a3 h2d ev ch3ff h y f3nmo4 n_f07 y7rj hmj p wir0p1 mkyy2-h x8q tu dxfw5h si q3 dz3-- n25u-u", "", "x" },
        { "tplo0 a36xc", "", "a36xc" },
        { "jk-roo s-13w7 w", "", "w" },
        { "o7tvbm xns2 nfj49 nr6 xfj", "", "o7tvbm" },
        { "g r9c_5n zkkfqz e8utuv5 fpy2 ccc0s fncg_i uf", "", "g" },
        { "zh dbg r6 o4 g jwyrbe z72xu0 r3 e jhkox7 hkwn eelp z", "", "o4" },
        { "j wp5v0 g u iu ona-o cp5q4 ql7xd9c o0u1ze cu z-qig9_ v5o alyx e mx tfoprit x p10 ldarc pdm7mp6 p_", "", "tfoprit" },
        { "q xegbh5d ztsyd yc8hp s0edev c bqfg z-16c44 o m7jm yl5- en b6t mb2xb- tdas kixn2bi j7mzrn xno5 xcagzd v nl i51q b2ck-3w s pmlc xueu wv1sz zgt4ew x5fs y3wzdf bx4n a bv7 zpgcae", "", "y3wzdf" },
        { "x dxb-dm_ ira14g8 nuxp og2f zd4h2b fl ff l hyag2b m l0q ln50ja zit7rx o707qp vf qbs7 d3c u_yu e j hcv9 rv21jx nyy2w d1nwmo knj xl4ow la oa lp nvc o93z ap w p-l ssr fu lnk4_b cgfgx u32 dtj nci6 tf_v9 kbnigf fh70 ytdgsf hvsecf s wcsfid q4m6 dxapjte dry t_qf8b knes6g3 c4sj8", "", "x" },
        { "downtime-limit max-bandwidth announce-initial zub85i znc7lt ztm-w", "announce-initial downtime-limit max-bandwidth", "zub85i" },
        { "zg0x9zaa announce-initial announce-max compress-threads announce-rounds multifd-channels zr", "announce-initial announce-max announce-rounds compress-threads multifd-channels", "zr" },
        { "announce-max downtime-limit zqloyktg multifd-channels zt announce-step compress-level zyb1j zvd", "announce-max announce-step compress-level downtime-limit multifd-channels", "zvd" },
        { "max-bandwidth announce-rounds x-checkpoint-delay zd multifd-channels announce-max zmg_jm0 zsdef--3 announce-step zc9qk downtime-limit compress-level compress-threads", "announce-max announce-rounds announce-step compress-level compress-threads downtime-limit max-bandwidth multifd-channels x-checkpoint-delay", "zmg_jm0" },
        { "announce-rounds compress-level zfb announce-max zb downtime-limit x-checkpoint-delay zrncg compress-threads max-bandwidth announce-step announce-initial", "announce-initial announce-max announce-rounds announce-step compress-level compress-threads downtime-limit max-bandwidth x-checkpoint-delay", "zb" },
        { "zd_5h max-bandwidth zo9 downtime-limit compress-threads x-checkpoint-delay announce-initial zr32a announce-max compress-level multifd-channels zn98xh", "announce-initial announce-max compress-level compress-threads downtime-limit max-bandwidth multifd-channels x-checkpoint-delay", "zd_5h" },
        { "za84ljk9 zdj max-bandwidth announce-rounds x-checkpoint-delay announce-initial downtime-limit zba43ry zxfy", "announce-initial announce-rounds downtime-limit max-bandwidth x-checkpoint-delay", "za84ljk9" },
        { "announce-rounds max-bandwidth zd x-checkpoint-delay announce-max compress-threads announce-initial zxg8mb compress-level multifd-channels zqk downtime-limit", "announce-initial announce-max announce-rounds compress-level compress-threads downtime-limit max-bandwidth multifd-channels x-checkpoint-delay", "zqk" },
        { "compress-threads announce-rounds zy0nked downtime-limit announce-initial zzsh7-d znhi3tm", "announce-initial announce-rounds compress-threads downtime-limit", "zzsh7-d" },
        { "zxn743 announce-rounds compress-level announce-step max-bandwidth zv- announce-max", "announce-max announce-rounds announce-step compress-level max-bandwidth", "zxn743" },
        { "downtime-limit multifd-channels zfyv zdd x-checkpoint-delay zvb_t zjf announce-step compress-threads", "announce-step compress-threads downtime-limit multifd-channels x-checkpoint-delay", "zdd" },
        { "max-bandwidth zt3crk downtime-limit compress-threads zc zv1f zoma multifd-channels x-checkpoint-delay compress-level announce-max", "announce-max compress-level compress-threads downtime-limit max-bandwidth multifd-channels x-checkpoint-delay", "zt3crk" },
    };

    [Theory]
    [MemberData(nameof(RecordedFromQemu))]
    public void Reports_the_member_QEMU_reports(string keys, string visited, string reported)
    {
        var input = new QDict();
        foreach (var key in keys.Split(' '))
        {
            input[key] = 1;
        }

        var v = new QObjectInputVisitor(input);
        v.StartStruct(null);
        if (visited.Length > 0)
        {
            foreach (var key in visited.Split(' '))
            {
                long value = 0;
                v.VisitInt64(key, ref value);
            }
        }

        Fails($"Parameter '{reported}' is unexpected", v.CheckStruct);
    }

    [Fact]
    public void Single_leftover_is_reported_whatever_the_order()
    {
        var v = new QObjectInputVisitor(new QDict { ["a"] = 1, ["b"] = 2, ["c"] = 3 });
        v.StartStruct(null);
        long value = 0;
        v.VisitInt64("c", ref value);
        v.VisitInt64("a", ref value);
        Fails("Parameter 'b' is unexpected", v.CheckStruct);
    }

    [Fact]
    public void Nested_leftover_carries_its_path()
    {
        var v = new QObjectInputVisitor(new QDict { ["s"] = new QDict { ["x"] = 1, ["y"] = 2 } });
        v.StartStruct(null);
        v.StartStruct("s");
        Fails("Parameter 's.y' is unexpected", v.CheckStruct);
    }
}
