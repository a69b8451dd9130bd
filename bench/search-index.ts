import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { buildIndex, SearchIndex, type IndexedItem } from '../shared/catalog/search-index.ts';
import { ESBUILD_TARGET } from '../infra/constructs/runtime.ts';

/**
 * Micro-benchmark of the catalog search index (shared/catalog/search-index.ts):
 *
 *   npx tsx bench/search-index.ts [n]        (n items, default 100000)
 *
 * Builds a synthetic catalog of n items from a deterministic PRNG — 250 real matter names of the
 * 陕西 catalog, each implemented in the province, its 10 cities and 107 counties by the matching
 * department, once per handling item (办理项) — and reports build time, serialized size (raw,
 * gzip, brotli; and a plain JSON+gzip item list for comparison), load time in fresh Node processes
 * (read the file + SearchIndex.load, from an esbuild bundle as the Lambda would run it) and warm
 * p50/p99 over 1,000 mixed queries.
 */

// ── deterministic PRNG ───────────────────────────────────────────────────────────────────────────

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ── regions (行政区划代码): the province, 10 cities, 107 counties ──────────────────────────────────

const CITIES: [string, string, string][] = [
  ['610100', '西安市', '6101 02新城区 03碑林区 04莲湖区 11灞桥区 12未央区 13雁塔区 14阎良区 15临潼区 16长安区 17高陵区 18鄠邑区 22蓝田县 24周至县'],
  ['610200', '铜川市', '6102 02王益区 03印台区 04耀州区 22宜君县'],
  ['610300', '宝鸡市', '6103 02渭滨区 03金台区 04陈仓区 05凤翔区 23岐山县 24扶风县 26眉县 27陇县 28千阳县 29麟游县 30凤县 31太白县'],
  ['610400', '咸阳市', '6104 02秦都区 03杨陵区 04渭城区 22三原县 23泾阳县 24乾县 25礼泉县 26永寿县 28长武县 29旬邑县 30淳化县 31武功县 81兴平市 82彬州市'],
  ['610500', '渭南市', '6105 02临渭区 03华州区 22潼关县 23大荔县 24合阳县 25澄城县 26蒲城县 27白水县 28富平县 81韩城市 82华阴市'],
  ['610600', '延安市', '6106 02宝塔区 03安塞区 21延长县 22延川县 25志丹县 26吴起县 27甘泉县 28富县 29洛川县 30宜川县 31黄龙县 32黄陵县 81子长市'],
  ['610700', '汉中市', '6107 02汉台区 03南郑区 22城固县 23洋县 24西乡县 25勉县 26宁强县 27略阳县 28镇巴县 29留坝县 30佛坪县'],
  ['610800', '榆林市', '6108 02榆阳区 03横山区 22府谷县 24靖边县 25定边县 26绥德县 27米脂县 28佳县 29吴堡县 30清涧县 31子洲县 81神木市'],
  ['610900', '安康市', '6109 02汉滨区 21汉阴县 22石泉县 23宁陕县 24紫阳县 25岚皋县 26平利县 27镇坪县 29白河县 81旬阳市'],
  ['611000', '商洛市', '6110 02商州区 21洛南县 22丹凤县 23商南县 24山阳县 25镇安县 26柞水县'],
];

export interface Region {
  code: string;
  name: string;
  /** county: the city's name and the county's own */
  city: string;
  county: string;
  level: 'province' | 'city' | 'county';
}

export const REGIONS: Region[] = [{ code: '610000', name: '陕西省', city: '', county: '', level: 'province' }];
for (const [code, city, list] of CITIES) {
  REGIONS.push({ code, name: city, city, county: '', level: 'city' });
  const [prefix, ...counties] = list.split(' ');
  for (const c of counties) REGIONS.push({ code: prefix + c.slice(0, 2), name: city + c.slice(2), city, county: c.slice(2), level: 'county' });
}

// ── departments: the provincial name and the city/county counterparts ─────────────────────────────

const DEPTS: Record<string, [string, string, string]> = {
  SCJG: ['陕西省市场监督管理局', '市场监督管理局', '市场监督管理局'],
  YJ: ['陕西省药品监督管理局', '市场监督管理局', '市场监督管理局'],
  WJ: ['陕西省卫生健康委员会', '卫生健康委员会', '卫生健康局'],
  MZ: ['陕西省民政厅', '民政局', '民政局'],
  RS: ['陕西省人力资源和社会保障厅', '人力资源和社会保障局', '人力资源和社会保障局'],
  ZJ: ['陕西省住房和城乡建设厅', '住房和城乡建设局', '住房和城乡建设局'],
  GJJ: ['陕西省住房资金管理中心', '住房公积金管理中心', '住房公积金管理中心'],
  ZRZY: ['陕西省自然资源厅', '自然资源和规划局', '自然资源局'],
  STHJ: ['陕西省生态环境厅', '生态环境局', '生态环境分局'],
  JT: ['陕西省交通运输厅', '交通运输局', '交通运输局'],
  GA: ['陕西省公安厅', '公安局', '公安分局'],
  JY: ['陕西省教育厅', '教育局', '教育局'],
  WHLY: ['陕西省文化和旅游厅', '文化和旅游局', '文化和旅游体育局'],
  NY: ['陕西省农业农村厅', '农业农村局', '农业农村局'],
  LY: ['陕西省林业局', '林业局', '林业局'],
  SL: ['陕西省水利厅', '水务局', '水利局'],
  YJGL: ['陕西省应急管理厅', '应急管理局', '应急管理局'],
  SW: ['陕西省商务厅', '商务局', '商务局'],
  YB: ['陕西省医疗保障局', '医疗保障局', '医疗保障局'],
  CL: ['陕西省残疾人联合会', '残疾人联合会', '残疾人联合会'],
  TYJR: ['陕西省退役军人事务厅', '退役军人事务局', '退役军人事务局'],
  KJ: ['陕西省科学技术厅', '科学技术局', '科技局'],
  CG: ['陕西省住房和城乡建设厅', '城市管理和综合执法局', '城市管理局'],
  XZSP: ['陕西省政务服务管理局', '行政审批服务局', '行政审批服务局'],
};

export function deptName(key: string, r: Region): string {
  const [p, c, k] = DEPTS[key];
  return r.level === 'province' ? p : r.level === 'city' ? r.city + c : r.city + r.county + k;
}

// ── base matters: name | dept | type | keywords | handling items (办理项) ───────────────────────────

const BASE_TEXT = `
食品经营许可|SCJG|行政许可|食品,餐饮,超市,便利店,饭店,小吃,食品经营许可证|新办,变更,延续,注销
食品生产许可|SCJG|行政许可|食品厂,食品加工,SC证,食品生产许可证|新办,变更,延续,注销
企业设立登记（营业执照）|SCJG|行政许可|营业执照,开公司,公司注册,有限责任公司,企业开办|
企业变更登记|SCJG|行政许可|营业执照变更,法定代表人变更,经营范围,注册资本|
企业注销登记|SCJG|行政许可|注销,公司注销,简易注销|
个体工商户设立登记|SCJG|行政许可|个体户,营业执照,个体经营,开店|
个体工商户变更登记|SCJG|行政许可|个体户变更,营业执照变更|
个体工商户注销登记|SCJG|行政许可|个体户注销|
农民专业合作社设立登记|SCJG|行政许可|合作社,农民合作社|
特种设备使用登记|SCJG|行政许可|特种设备,电梯,锅炉,压力容器,起重机械|新办,变更,注销
特种设备安全管理和作业人员资格认定|SCJG|行政许可|特种设备作业人员证,电工,焊工,叉车证|新办,复审
计量器具型式批准|SCJG|行政许可|计量,型式批准|
检验检测机构资质认定|SCJG|行政许可|CMA,检验检测,资质认定|首次,变更,延续
工业产品生产许可证核发|SCJG|行政许可|工业产品,生产许可证|新办,变更,延续
小餐饮经营许可|SCJG|行政许可|小餐饮,小吃店,餐饮备案|新办,变更,延续
食品小作坊登记|SCJG|行政许可|小作坊,食品加工|新办,变更,延续
食品摊贩登记备案|SCJG|其他行政权力|摊贩,流动摊点|
第二类医疗器械经营备案|SCJG|其他行政权力|医疗器械,二类医疗器械,医疗器械备案|
第三类医疗器械经营许可|SCJG|行政许可|医疗器械,三类医疗器械,医疗器械经营许可证|新办,变更,延续
药品零售企业许可|YJ|行政许可|药店,药房,药品经营许可证,药品零售|新办,变更,换证
药品批发企业许可|YJ|行政许可|药品批发,医药公司,药品经营许可证|新办,变更,换证
化妆品生产许可|YJ|行政许可|化妆品,化妆品生产许可证|新办,变更,延续
医师执业注册|WJ|行政许可|医师,医生,执业注册,医师执业证书|首次注册,变更注册,注销注册
护士执业注册|WJ|行政许可|护士,护士执业证书,执业注册|首次注册,延续注册,变更注册
医疗机构执业登记|WJ|行政许可|医疗机构,诊所,医院,医疗机构执业许可证|新办,变更,校验,注销
诊所备案|WJ|其他行政权力|诊所,个体诊所|
公共场所卫生许可|WJ|行政许可|卫生许可证,宾馆,酒店,理发,美容,洗浴|新办,变更,延续
饮用水供水单位卫生许可|WJ|行政许可|供水,饮用水,卫生许可证|新办,变更,延续
母婴保健技术服务执业许可|WJ|行政许可|母婴保健,助产|新办,校验
出生医学证明办理|WJ|公共服务|出生证,出生医学证明,新生儿|首次签发,补发,换发
放射诊疗许可|WJ|行政许可|放射诊疗,放射|新办,变更,校验
计划生育家庭特别扶助金|WJ|行政给付|特别扶助,独生子女|
农村部分计划生育家庭奖励扶助|WJ|行政给付|奖励扶助,计划生育|
职业病诊断机构备案|WJ|其他行政权力|职业病诊断|
生育登记服务|WJ|公共服务|生育登记,准生证,二孩,三孩|
老年人优待证办理|WJ|公共服务|老年证,优待证,老年人|
最低生活保障审核确认|MZ|行政确认|低保,最低生活保障,社会救助,困难群众|
特困人员认定|MZ|行政确认|特困供养,五保,社会救助|
临时救助|MZ|行政给付|临时救助,急难救助,救助金,社会救助|
困难残疾人生活补贴和重度残疾人护理补贴|MZ|行政给付|两项补贴,残疾人,生活补贴,护理补贴|
高龄老人生活补贴|MZ|行政给付|高龄补贴,高龄津贴,老年人|
婚姻登记|MZ|行政确认|结婚证,离婚证,结婚,离婚|结婚登记,离婚登记,补领婚姻登记证
社会团体成立登记|MZ|行政许可|社团,协会,学会,商会,社会组织|
民办非企业单位成立登记|MZ|行政许可|民非,社会服务机构,社会组织|
慈善组织认定|MZ|行政确认|慈善组织,慈善|
养老机构备案|MZ|其他行政权力|养老院,养老机构,敬老院|
惠民殡葬补贴|MZ|行政给付|殡葬补贴,丧葬,火化|
孤儿基本生活费发放|MZ|行政给付|孤儿,基本生活费|
收养登记|MZ|行政确认|收养,收养登记证|成立收养登记,解除收养登记
工伤认定|RS|行政确认|工伤,工伤保险,因工受伤,职业病|
劳动能力鉴定|RS|行政确认|劳动能力鉴定,伤残等级|初次鉴定,复查鉴定
就业创业证申领|RS|公共服务|就业创业证,失业登记,就业登记|
失业保险金申领|RS|行政给付|失业金,失业保险|
城乡居民基本养老保险参保登记|RS|公共服务|养老保险,城乡居保,参保,社保|
企业职工基本养老保险参保登记|RS|公共服务|养老保险,职工养老,参保,社保|
社会保障卡申领|RS|公共服务|社保卡,社会保障卡|首次申领,补领,换领
人力资源服务许可|RS|行政许可|人力资源服务,职业中介|新办,变更,延续
劳务派遣经营许可|RS|行政许可|劳务派遣|新办,变更,延续,注销
职业技能等级认定|RS|行政确认|技能鉴定,职业资格,技能等级证书|
高校毕业生就业报到|RS|公共服务|报到证,毕业生,档案|
创业担保贷款贴息|RS|行政给付|创业贷款,贴息,创业担保|
技能提升补贴|RS|行政给付|技能提升补贴,职业技能|
养老保险待遇核定|RS|行政确认|退休,养老金,待遇核定|
建筑工程施工许可证核发|ZJ|行政许可|施工许可证,施工许可,开工,建筑工程,工程建设项目审批|新办,变更,延期
建设工程竣工验收备案|ZJ|其他行政权力|竣工验收,竣工备案,备案|
二级建造师执业资格注册|ZJ|行政许可|二建,建造师,注册建造师,执业资格|初始注册,变更注册,延续注册,增项注册
建筑业企业资质核准|ZJ|行政许可|建筑资质,施工总承包,专业承包|首次申请,增项,延续,变更
房地产开发企业资质核定|ZJ|行政许可|房地产开发,开发资质|首次申请,延续,变更
商品房预售许可|ZJ|行政许可|预售许可证,商品房,预售|
燃气经营许可|ZJ|行政许可|燃气,天然气,液化气,燃气经营许可证|新办,变更,延续
城镇污水排入排水管网许可|ZJ|行政许可|排水许可,污水|新办,变更,延续
建设工程消防设计审查|ZJ|行政许可|消防设计审查,消防|
建设工程消防验收|ZJ|行政许可|消防验收,消防|
公共租赁住房保障资格审核|ZJ|行政确认|公租房,保障房,住房保障|
住房公积金提取|GJJ|行政给付|公积金,提取,住房公积金|购房提取,租房提取,离退休提取,销户提取
住房公积金个人贷款|GJJ|公共服务|公积金贷款,购房贷款,住房公积金|
建设工程规划许可证核发|ZRZY|行政许可|规划许可,工程规划许可证,建设工程,工程建设项目审批|新办,变更,延期
建设用地规划许可证核发|ZRZY|行政许可|用地规划许可,建设用地,规划许可,工程建设项目审批|
乡村建设规划许可证核发|ZRZY|行政许可|乡村建设,农村建房,宅基地|
不动产登记|ZRZY|行政确认|房产证,不动产权证,过户,抵押登记|首次登记,转移登记,变更登记,抵押登记,注销登记
建设项目用地预审与选址意见书核发|ZRZY|行政许可|用地预审,选址意见书|
采矿权登记|ZRZY|行政许可|采矿权,采矿许可证,矿产|新立,延续,变更,注销
探矿权登记|ZRZY|行政许可|探矿权,勘查许可证,矿产|新立,延续,变更,保留,注销
测绘资质审批|ZRZY|行政许可|测绘资质,测绘|
排污许可（重点管理）|STHJ|行政许可|排污许可证,排污,污染物排放,重点管理|首次申请,变更,延续
排污许可（简化管理）|STHJ|行政许可|排污许可证,排污,简化管理|首次申请,变更,延续
建设项目环境影响报告书审批|STHJ|行政许可|环评,环境影响评价,报告书|
建设项目环境影响报告表审批|STHJ|行政许可|环评,环境影响评价,报告表|
危险废物经营许可|STHJ|行政许可|危废,危险废物|新办,变更,延续
辐射安全许可|STHJ|行政许可|辐射安全许可证,射线装置,放射源|新办,变更,延续,注销
道路货物运输经营许可（危险货物运输除外）|JT|行政许可|道路运输经营许可证,货运,物流,道路运输|新办,变更,延续
道路危险货物运输许可|JT|行政许可|危险货物运输,危货,道路运输|新办,变更,延续
道路旅客运输经营许可|JT|行政许可|客运,班车,道路运输|新办,变更,延续
出租汽车经营许可|JT|行政许可|出租车,出租汽车|
网络预约出租汽车驾驶员证核发|JT|行政许可|网约车,网约车驾驶员证|
机动车维修经营备案|JT|其他行政权力|汽修,机动车维修,修车|
机动车驾驶员培训经营备案|JT|其他行政权力|驾校,驾驶培训|
道路运输从业人员从业资格证核发|JT|行政许可|从业资格证,货运资格证,客运资格证|
超限运输车辆行驶公路许可|JT|行政许可|超限运输,大件运输|
居民身份证办理|GA|公共服务|身份证,二代证|首次申领,换领,补领
户口迁移|GA|行政确认|户口,落户,迁户口|迁入,迁出
出生登记|GA|行政确认|报户口,新生儿落户,户口|
居住证办理|GA|公共服务|居住证,暂住证|
机动车登记|GA|行政确认|车辆登记,上牌,过户|注册登记,转移登记,变更登记,注销登记
机动车驾驶证核发|GA|行政许可|驾驶证,驾照|初次申领,换证,补证
普通护照签发|GA|行政许可|护照,出国|首次申请,换发,补发
往来港澳通行证签发|GA|行政许可|港澳通行证,港澳签注|
无犯罪记录证明开具|GA|公共服务|无犯罪记录证明,开证明|
剧毒化学品购买许可|GA|行政许可|剧毒化学品,危险化学品|
大型群众性活动安全许可|GA|行政许可|大型活动,演唱会|
公章刻制备案|GA|其他行政权力|刻章,公章|
民办学校办学许可|JY|行政许可|民办学校,办学许可证|筹设,正式设立,变更,终止
校外培训机构办学许可|JY|行政许可|培训机构,校外培训,办学许可证|
教师资格认定|JY|行政许可|教师资格证,教资|
学生资助|JY|行政给付|助学金,资助,贫困生|
幼儿园办园许可|JY|行政许可|幼儿园,办园|
旅行社业务经营许可|WHLY|行政许可|旅行社,旅游,国内旅游业务|新办,变更,注销
娱乐场所经营许可|WHLY|行政许可|KTV,歌舞厅,娱乐场所|新办,变更,延续
互联网上网服务营业场所经营许可|WHLY|行政许可|网吧,上网服务|新办,变更,延续
营业性演出许可|WHLY|行政许可|演出,营业性演出|
出版物零售业务经营许可|WHLY|行政许可|书店,出版物,图书|新办,变更
印刷经营许可|WHLY|行政许可|印刷,印刷厂|新办,变更
文物保护单位建设控制地带内建设工程设计方案审核|WHLY|行政许可|文物,建设控制地带|
导游证核发|WHLY|行政许可|导游,导游证,旅游|
高危险性体育项目经营许可|WHLY|行政许可|游泳,滑雪,攀岩,高危体育|新办,变更,延续
农药经营许可|NY|行政许可|农药,农资|新办,变更,延续
兽药经营许可|NY|行政许可|兽药|新办,变更,延续
动物防疫条件合格证核发|NY|行政许可|动物防疫,养殖场|
种子生产经营许可|NY|行政许可|种子,种子经营|新办,变更,延续
农机购置补贴|NY|行政给付|农机补贴,农机购置|
拖拉机和联合收割机登记|NY|行政许可|拖拉机,收割机,农机上牌|注册登记,转移登记,注销登记
渔业捕捞许可|NY|行政许可|捕捞,渔业|
农村宅基地审批|NY|行政许可|宅基地,农村建房|
生鲜乳收购站许可|NY|行政许可|生鲜乳,奶站|
林木采伐许可证核发|LY|行政许可|采伐证,砍树,林木采伐|
使用林地审核审批|LY|行政许可|占用林地,使用林地|
野生动物人工繁育许可|LY|行政许可|野生动物,人工繁育|
植物检疫证书核发|LY|行政许可|植物检疫,苗木检疫|
取水许可|SL|行政许可|取水,水资源,取水许可证|新办,变更,延续
河道管理范围内建设项目工程建设方案审批|SL|行政许可|河道,涉河建设|
生产建设项目水土保持方案审批|SL|行政许可|水土保持,水保方案|
洪水影响评价类审批|SL|行政许可|洪水影响评价,防洪|
危险化学品经营许可|YJGL|行政许可|危化品,危险化学品,危化品经营许可证|新办,变更,延期
烟花爆竹经营（零售）许可|YJGL|行政许可|烟花爆竹,鞭炮|新办,延续
非煤矿山安全生产许可|YJGL|行政许可|非煤矿山,安全生产许可证|
特种作业操作证核发|YJGL|行政许可|特种作业,电工证,焊工证,高处作业|新办,复审,换证
对外贸易经营者备案登记|SW|其他行政权力|外贸,进出口,对外贸易|
成品油零售经营资格审批|SW|行政许可|加油站,成品油|
单用途商业预付卡备案|SW|其他行政权力|预付卡,会员卡|
拍卖企业设立审批|SW|行政许可|拍卖|
报废机动车回收拆解企业资质认定|SW|行政许可|报废车,车辆回收|
基本医疗保险参保登记|YB|公共服务|医保,参保,医疗保险|
异地就医备案|YB|公共服务|异地就医,医保备案,跨省就医|
医疗费用报销|YB|行政给付|医保报销,手工报销|
门诊慢特病待遇认定|YB|行政确认|慢性病,特殊病,门诊慢特病|
生育保险待遇核定|YB|行政给付|生育津贴,生育保险|
医保定点医药机构申请|YB|其他行政权力|定点医院,定点药店,医保|
残疾人证办理|CL|公共服务|残疾证,残疾人证,残疾人|新办,换领,迁移,注销
残疾儿童康复救助|CL|行政给付|康复救助,残疾儿童,残疾人|
退役士兵自主就业一次性经济补助|TYJR|行政给付|退役士兵,一次性补助|
优抚对象抚恤补助|TYJR|行政给付|优抚,抚恤|
烈士褒扬金发放|TYJR|行政给付|烈士,褒扬金|
高新技术企业认定|KJ|行政确认|高新技术企业,高企|
科技型中小企业评价|KJ|行政确认|科技型中小企业|
城市建筑垃圾处置核准|CG|行政许可|建筑垃圾,渣土|
占用、挖掘城市道路审批|CG|行政许可|占道,挖掘道路,占用道路|占用城市道路,挖掘城市道路
临时占用城市绿地审批|CG|行政许可|占用绿地,绿地|
砍伐、迁移城市树木审批|CG|行政许可|砍伐树木,迁移树木,城市树木|
户外广告设施设置审批|CG|行政许可|户外广告,广告牌,招牌|新设,延续
从事城市生活垃圾经营性清扫、收集、运输、处理服务审批|CG|行政许可|生活垃圾,垃圾清运,清扫保洁|
城镇供热经营许可|CG|行政许可|供热,暖气|新办,变更,延续
临时建设工程规划许可|ZRZY|行政许可|临时建设,临时建筑,规划许可|
建设工程设计方案审查|ZRZY|行政许可|设计方案,方案审查,工程建设项目审批|
人防工程建设审批|ZJ|行政许可|人防,人防工程,防空地下室|
招标投标情况书面报告备案|ZJ|其他行政权力|招投标,招标备案|
施工图设计文件审查|ZJ|其他行政权力|施工图审查,图审|
房屋建筑和市政基础设施工程质量监督手续|ZJ|其他行政权力|质量监督,质监|
商品房买卖合同网签备案|ZJ|其他行政权力|网签,购房合同,备案|
存量房买卖合同网签备案|ZJ|其他行政权力|二手房,网签,备案|
物业服务企业备案|ZJ|其他行政权力|物业,物业公司|
企业名称自主申报|SCJG|其他行政权力|企业名称,名称申报,核名|
外商投资企业设立登记|SCJG|行政许可|外资企业,外商投资,营业执照|
营业执照遗失补领|SCJG|公共服务|营业执照补办,执照遗失,营业执照|
股权出质登记|SCJG|行政确认|股权质押,股权出质|设立,变更,注销
动产抵押登记|SCJG|行政确认|动产抵押|设立,变更,注销
食品经营备案（仅销售预包装食品）|SCJG|其他行政权力|预包装食品,食品备案|
保健食品广告审查|SCJG|行政许可|保健食品,广告审查|
计量标准器具核准|SCJG|行政许可|计量标准,计量器具|新建,复查
医疗机构设置审批|WJ|行政许可|医疗机构设置,开医院|
乡村医生执业注册|WJ|行政许可|乡村医生,村医,执业注册|首次注册,再注册
外国医师来华短期行医许可|WJ|行政许可|外国医师|
消毒产品生产企业卫生许可|WJ|行政许可|消毒产品,卫生许可证|新办,变更,延续
职业健康检查机构备案|WJ|其他行政权力|职业健康检查,体检机构|
托育机构备案|WJ|其他行政权力|托育,托育机构,托儿所|
独生子女父母光荣证办理|WJ|公共服务|独生子女证,光荣证|
困境儿童基本生活保障|MZ|行政给付|困境儿童,儿童保障|
流浪乞讨人员救助|MZ|行政给付|流浪乞讨,救助站,社会救助|
经济困难的高龄失能老年人养老服务补贴|MZ|行政给付|失能老人,养老服务补贴,老年人|
地名命名更名|MZ|行政确认|地名,命名更名|
公墓建设审批|MZ|行政许可|公墓,墓地|
失业登记|RS|公共服务|失业登记,失业证|
灵活就业人员社会保险补贴|RS|行政给付|灵活就业,社保补贴|
一次性创业补贴|RS|行政给付|创业补贴,一次性补贴|
技工学校设立审批|RS|行政许可|技工学校,技校|设立,变更,终止
民办职业培训学校设立|RS|行政许可|职业培训学校,民办培训|设立,变更,终止
工伤保险待遇核定|RS|行政给付|工伤待遇,工伤保险|
企业实行不定时工作制和综合计算工时工作制审批|RS|行政许可|不定时工作制,综合工时|
劳动人事争议仲裁|RS|行政裁决|劳动仲裁,劳动争议,讨薪|
建设工程质量检测机构资质核准|ZJ|行政许可|检测机构,质量检测资质|首次申请,延续,变更
工程监理企业资质核准|ZJ|行政许可|监理资质,工程监理|首次申请,延续,变更
建筑施工企业安全生产许可|ZJ|行政许可|安全生产许可证,安许证|新办,延续,变更
住宅专项维修资金使用审核|ZJ|行政确认|维修资金,专项维修资金|
房屋租赁登记备案|ZJ|其他行政权力|房屋租赁,租房备案,租赁合同|
户口登记项目变更更正|GA|行政确认|户口更正,改名,户籍|
机动车检验合格标志核发|GA|行政确认|年检,年审,检验合格标志|
临时身份证明开具|GA|公共服务|临时身份证明,身份证|
犬只登记|GA|行政许可|养狗,犬证,犬只|新办,年检,注销
保安服务公司设立许可|GA|行政许可|保安公司,保安服务|
义务教育入学|JY|公共服务|入学,小学报名,初中报名,学位|
中小学教师资格定期注册|JY|行政确认|教师资格定期注册,教师资格证|
中等职业学校招生|JY|公共服务|中职,招生|
涉路施工许可|JT|行政许可|涉路施工,占用公路|
公路建设项目施工许可|JT|行政许可|公路施工许可,施工许可|
巡游出租汽车驾驶员从业资格证核发|JT|行政许可|巡游出租车,出租车驾驶员,从业资格证|
再生资源回收经营者备案|SW|其他行政权力|再生资源,废品回收|
兽医执业注册|NY|行政许可|兽医,执业兽医,执业注册|
畜禽养殖场备案|NY|其他行政权力|养殖场,畜禽养殖|
水产苗种生产许可|NY|行政许可|水产苗种,鱼苗|新办,变更,延续
森林草原防火期内野外用火审批|LY|行政许可|野外用火,防火|
林草种子生产经营许可证核发|LY|行政许可|林木种子,苗木|新办,变更,延续
水利工程质量监督|SL|其他行政权力|水利工程,质量监督|
农村集体经济组织修建水库审批|SL|行政许可|水库|
城市建设填堵水域、废除围堤审核|SL|行政许可|填堵水域,围堤|
危险化学品安全使用许可|YJGL|行政许可|危化品使用许可,危险化学品|新办,变更,延期
生产经营单位生产安全事故应急预案备案|YJGL|其他行政权力|应急预案,预案备案|
烟花爆竹批发许可|YJGL|行政许可|烟花爆竹批发,烟花爆竹|新办,延续
医疗救助|YB|行政给付|医疗救助,大病救助|
长期护理保险待遇|YB|行政给付|长护险,长期护理保险|
医保关系转移接续|YB|公共服务|医保转移,医保关系转移,医保|
退役军人优待证申领|TYJR|公共服务|优待证,退役军人|
伤残抚恤关系接收|TYJR|行政确认|伤残抚恤,抚恤|
建设项目环境影响登记表备案|STHJ|其他行政权力|环评登记表,环评备案,环评|
固体废物跨省转移审批|STHJ|行政许可|固废转移,固体废物|
设置大型户外广告及在城市建筑物、设施上悬挂、张贴宣传品审批|CG|行政许可|户外广告,悬挂宣传品|
停车场备案|CG|其他行政权力|停车场,停车位|
艺术品经营单位备案|WHLY|其他行政权力|艺术品,画廊|
电影放映单位设立审批|WHLY|行政许可|电影院,放映|设立,变更
广播电视节目制作经营许可|WHLY|行政许可|广播电视节目,节目制作|新办,变更,延续
卫星电视广播地面接收设施安装许可|WHLY|行政许可|卫星电视,锅盖|
技术合同认定登记|KJ|行政确认|技术合同,技术交易|
`;

export interface Base {
  name: string;
  dept: string;
  type: string;
  keywords: string[];
  handlingItems: string[];
}

export const BASES: Base[] = BASE_TEXT.trim()
  .split('\n')
  .map((line) => {
    const [name, dept, type, kw, hi] = line.split('|');
    // most catalog entries have several 办理项; entries listed without any get the usual ones for their type
    const handlingItems = hi ? hi.split(',') : type === '行政许可' ? ['新办', '变更', '延续', '注销'] : ['首次申请', '信息变更', '注销'];
    return { name, dept, type, keywords: kw.split(','), handlingItems };
  });

const LOCAL_KEYWORDS = ['一网通办', '秦务通', '跨省通办', '一件事一次办', '全程网办', '就近办'];

/**
 * The full synthetic catalog, shaped as the issue describes (a few hundred names repeating across ~120
 * regions and several handling items): each base matter in every region, one item per handling item;
 * 10 % of counties run a 行政审批服务局 that implements their 行政许可 matters; 5 % of items carry a
 * local keyword; promised days vary. Deterministic for a seed; 97,114 items.
 */
export function fullCatalog(seed = 20240601): IndexedItem[] {
  const rnd = mulberry32(seed);
  const approvalBureau = new Set(REGIONS.filter((r) => r.level === 'county' && rnd() < 0.1).map((r) => r.code));
  const out: IndexedItem[] = [];
  BASES.forEach((b, bi) => {
    const typeNo = ['行政许可', '行政确认', '行政给付', '行政奖励', '行政裁决', '行政征收', '其他行政权力', '公共服务'].indexOf(b.type) + 1;
    const baseCode = `00${String(typeNo).padStart(2, '0')}${String(Object.keys(DEPTS).indexOf(b.dept) + 1).padStart(3, '0')}${String(bi + 1).padStart(3, '0')}00`;
    const legalDays = [0, 5, 10, 15, 20, 30, 60][bi % 7];
    for (const r of REGIONS) {
      const key = b.type === '行政许可' && approvalBureau.has(r.code) ? 'XZSP' : b.dept;
      const handling = b.handlingItems.length ? b.handlingItems : [undefined];
      handling.forEach((h, hi) => {
        const local = rnd() < 0.05 ? [LOCAL_KEYWORDS[Math.floor(rnd() * LOCAL_KEYWORDS.length)]] : [];
        const item: IndexedItem = {
          code: `${baseCode}-${r.code}-${key}${h ? `-${String(hi + 1).padStart(2, '0')}` : ''}`,
          baseCode,
          name: b.name,
          type: b.type,
          level: r.level,
          dept: `${r.code}-${key}`,
          deptName: deptName(key, r),
          region: r.code,
          regionName: r.name,
          promiseDays: Math.max(0, legalDays - Math.floor(rnd() * (legalDays + 1))),
          legalDays,
          onlineDepth: 1 + Math.floor(rnd() * 4),
          keywords: [...b.keywords, ...local],
        };
        if (h) item.handlingItem = h;
        out.push(item);
      });
    }
  });
  return out;
}

/**
 * n items: the full catalog, or more by adding further implementing departments per region (a county's
 * 行政审批服务局 alongside the line department, as happens while a region moves matters over), or fewer
 * by a deterministic sample.
 */
export function syntheticCatalog(n: number, seed = 20240601): IndexedItem[] {
  const base = fullCatalog(seed);
  const rnd = mulberry32(seed ^ 0x5eed);
  const out = [...base];
  const extraKeys = ['XZSP', 'SCJG', 'WJ', 'MZ', 'RS'];
  for (let round = 0; out.length < n; round++) {
    const key = extraKeys[round % extraKeys.length] + (round >= extraKeys.length ? String(round) : '');
    for (const it of base) {
      if (out.length >= n) break;
      const r = REGIONS.find((x) => x.code === it.region)!;
      out.push({ ...it, code: `${it.code}~${key}`, dept: `${it.region}-${key}`, deptName: deptName(extraKeys[round % extraKeys.length], r), keywords: [...it.keywords] });
    }
  }
  // Fisher–Yates with the PRNG, then the first n
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.slice(0, n);
}

// ── queries ──────────────────────────────────────────────────────────────────────────────────────

export interface BenchQuery {
  kind: string;
  q?: string;
  region?: string;
  dept?: string;
  type?: string;
}

const substr = (s: string, rnd: () => number, min = 2, max = 4) => {
  const clean = s.replace(/[（）、]/g, '');
  const len = Math.min(clean.length, min + Math.floor(rnd() * (max - min + 1)));
  const at = Math.floor(rnd() * (clean.length - len + 1));
  return clean.slice(at, at + len);
};

export function benchQueries(items: IndexedItem[], count: number, seed = 7): BenchQuery[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const regions = [...new Set(items.map((it) => it.region))].sort();
  const out: BenchQuery[] = [];
  for (let k = 0; k < count; k++) {
    const it = pick(items);
    const regional = rnd() < 0.5;
    const region = regional ? pick(regions) : undefined;
    const roll = rnd();
    let q: BenchQuery;
    if (roll < 0.35) q = { kind: '1-term', q: substr(it.name, rnd) };
    else if (roll < 0.5) q = { kind: '1-term', q: pick(it.keywords) };
    else if (roll < 0.75) {
      const a = substr(it.name, rnd, 2, 3);
      const b = rnd() < 0.5 ? substr(it.name, rnd, 2, 3) : pick(it.keywords);
      q = { kind: '2-term', q: rnd() < 0.5 ? `${a} ${b}` : `${b} ${a}` };
    } else if (roll < 0.85) {
      const r = rnd();
      q = { kind: 'code', q: r < 0.4 ? it.code : r < 0.8 ? it.baseCode : it.baseCode.slice(0, 6 + Math.floor(rnd() * 4)) };
    } else if (roll < 0.92) q = { kind: 'filter-only', type: it.type, dept: rnd() < 0.5 ? it.dept : undefined };
    else q = { kind: 'empty' };
    if (region) q.region = region;
    q.kind = `${q.kind}${region ? ' +region' : ''}`;
    out.push(q);
  }
  return out;
}

// ── measurement ──────────────────────────────────────────────────────────────────────────────────

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const median = (xs: number[]) => pct(xs, 50);
const ms = (x: number) => `${x.toFixed(x < 10 ? 3 : 1)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(0)} KiB`;

export const PROBE = `
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');
const before = process.memoryUsage();
const { SearchIndex } = require(process.argv[1]);
const t0 = performance.now();
const bytes = fs.readFileSync(process.argv[2]);
const t1 = performance.now();
let index;
if (process.argv[3] === 'json') {
  const items = JSON.parse(require('node:zlib').gunzipSync(bytes).toString('utf8'));
  const t15 = performance.now();
  index = SearchIndex.load(require(process.argv[1]).buildIndex(items));
  process.stderr.write(String(t15 - t1));
} else index = SearchIndex.load(bytes);
const t2 = performance.now();
index.search({ q: '营业执照', region: '610113', limit: 20 });
const t3 = performance.now();
global.gc && global.gc();
const after = process.memoryUsage();
console.log(JSON.stringify({ read: t1 - t0, load: t2 - t1, first: t3 - t2, heap: after.heapUsed - before.heapUsed, ext: after.external + after.arrayBuffers - before.external - before.arrayBuffers, size: index.size }));
`;

/** Builds the index `runs` times; returns the last bytes and each build's time. */
export function timeBuilds(items: IndexedItem[], runs = 3): { bytes: Uint8Array; builds: number[] } {
  const builds: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    bytes = buildIndex(items);
    builds.push(performance.now() - t0);
  }
  return { bytes, builds };
}

export function freshLoads(bundle: string, file: string, mode: 'bin' | 'json', runs: number) {
  const out: { read: number; load: number; first: number; heap: number; ext: number; size: number }[] = [];
  for (let k = 0; k < runs; k++) {
    const r = spawnSync(process.execPath, ['--expose-gc', '-e', PROBE, bundle, file, mode], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`probe failed: ${r.stderr}`);
    out.push(JSON.parse(r.stdout));
  }
  return out;
}

function main() {
  const n = Number(process.argv[2] ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'));

  let t = performance.now();
  const items = syntheticCatalog(n);
  const genMs = performance.now() - t;
  const distinct = (f: (it: IndexedItem) => string | undefined) => new Set(items.map(f)).size;
  console.log(`catalog: ${items.length} items (generated in ${ms(genMs)}); ${distinct((it) => it.name)} names, ${distinct((it) => it.region)} regions, ${distinct((it) => it.dept)} departments, ${distinct((it) => it.handlingItem)} handling items`);

  const { bytes, builds } = timeBuilds(items);
  const gz = gzipSync(bytes, { level: 9 });
  const br = brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9 } });
  const json = Buffer.from(JSON.stringify(items));
  const jsonGz = gzipSync(json, { level: 9 });
  console.log(`build: median ${ms(median(builds))} of 3 (${builds.map((b) => b.toFixed(0)).join(', ')})`);
  console.log(`size: raw ${kb(bytes.length)}, gzip -9 ${kb(gz.length)}, brotli q9 ${kb(br.length)}   (plain item list: JSON ${kb(json.length)}, JSON+gzip ${kb(jsonGz.length)})`);
  const rebuilt = buildIndex([...items].reverse());
  console.log(`deterministic (same bytes from reversed input): ${Buffer.compare(Buffer.from(rebuilt), Buffer.from(bytes)) === 0}`);

  // fresh-process loads, from an esbuild bundle of the module (as the Lambda runs it)
  const bundle = path.join(dir, 'search-index.cjs');
  buildSync({ entryPoints: [path.resolve(__dirname, '../shared/catalog/search-index.ts')], bundle: true, platform: 'node', format: 'cjs', target: ESBUILD_TARGET, outfile: bundle, logLevel: 'silent' });
  fs.writeFileSync(path.join(dir, 'index.bin'), bytes);
  fs.writeFileSync(path.join(dir, 'index.bin.gz'), gz);
  fs.writeFileSync(path.join(dir, 'items.json.gz'), jsonGz);
  const runs = 7;
  for (const [label, file, mode] of [
    ['raw', 'index.bin', 'bin'],
    ['gzip', 'index.bin.gz', 'bin'],
    ['JSON+gzip item list, index built at load', 'items.json.gz', 'json'],
  ] as const) {
    const loads = freshLoads(bundle, path.join(dir, file), mode, runs);
    console.log(
      `cold load (${label}), median of ${runs} fresh processes: read ${ms(median(loads.map((l) => l.read)))}, load ${ms(median(loads.map((l) => l.load)))}, first query ${ms(median(loads.map((l) => l.first)))}; ` +
        `memory after load: heap +${(median(loads.map((l) => l.heap)) / 2 ** 20).toFixed(1)} MiB, buffers +${(median(loads.map((l) => l.ext)) / 2 ** 20).toFixed(1)} MiB`,
    );
  }

  // warm queries in this process; the generated items are dropped first, so that (as in the Lambda)
  // the heap holds little besides the index and a major GC stays short
  const queries = benchQueries(items, 1000);
  const warmup = benchQueries(items, 300, 99);
  items.length = 0;
  (globalThis as { gc?: () => void }).gc?.();
  for (const [label, postingsRatio] of [
    ['default: postings when the rarest term holds < 1/4 of the items', 4],
    ['for comparison: postings at < 1/8', 8],
    ['for comparison: always scan every item when no region/dept', 0],
  ] as const) {
    const index = SearchIndex.load(gz, { postingsRatio });
    for (const q of warmup) index.search({ ...q, limit: 20 });
    const times: Record<string, number[]> = {};
    const all: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const t0 = performance.now();
      const page = index.search({ ...q, limit: 20 });
      const dt = performance.now() - t0;
      hits += page.total;
      (times[q.kind] ??= []).push(dt);
      all.push(dt);
    }
    console.log(`warm (${label}), ${queries.length} queries, limit 20, mean ${(hits / queries.length).toFixed(0)} hits: p50 ${ms(pct(all, 50))}, p99 ${ms(pct(all, 99))}, max ${ms(Math.max(...all))}`);
    for (const [kind, xs] of Object.entries(times).sort()) {
      console.log(`  ${kind.padEnd(20)} n=${String(xs.length).padStart(4)}  p50 ${ms(pct(xs, 50))}  p99 ${ms(pct(xs, 99))}  max ${ms(Math.max(...xs))}`);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

if (require.main === module) main();
