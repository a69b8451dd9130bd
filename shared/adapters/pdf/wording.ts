import type { Case, Channel, Notice } from '../../domain/case.ts';
import { APPEAL_RIGHTS } from '../../domain/notices.ts';

/** A run of text on the page. */
export interface Block {
  text: string;
  style: 'title' | 'plain' | 'paragraph' | 'small';
  align?: 'left' | 'center' | 'right';
  spaceBefore?: number;
}

const CHANNEL: Record<Channel, string> = {
  online: '陕西政务服务网（网上申请）',
  window: '政务服务中心综合窗口',
  agent: '代办员代为申请',
  kiosk: '政务服务自助终端',
};

const SPECIAL: Record<string, string> = {
  hearing: '听证',
  inspection: '检验',
  testing: '检测',
  quarantine: '检疫',
  appraisal: '鉴定',
  expert_review: '专家评审',
};

/** 2026年11月28日, in Beijing time (UTC+8; China keeps no summer time). */
export function cnDate(at: string | undefined): string {
  if (!at) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) {
    const [y, m, d] = at.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  const t = new Date(new Date(at).getTime() + 8 * 3600_000);
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日`;
}

/** 2026年11月28日 14:05 */
export function cnDateTime(at: string): string {
  const t = new Date(new Date(at).getTime() + 8 * 3600_000);
  return `${cnDate(at)} ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

const str = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));


/**
 * What each notice says ([N14]: 受理通知书、补正告知书、不予受理通知书 …), built from the notice's own
 * content (its hashed body) and the case it belongs to. Wording follows the model documents of the
 * 行政许可法 (§32 acceptance and correction, §38 decisions, §42 extension) in plain form.
 */
export function noticeParagraphs(c: Case, n: Notice, issuer: { deptName: string; regionName: string }): Block[] {
  const b = n.body as Record<string, any>;
  const matter = `“${c.matterName}”`;
  const where = c.filedAt?.kiosk ? `（终端编号 ${c.filedAt.kiosk}）` : '';
  const filed = `你（单位）于${cnDateTime(c.submittedAt)}通过${CHANNEL[c.channel]}${where}提交的${matter}申请`;
  const out: Block[] = [
    { text: `${issuer.regionName} · ${issuer.deptName}`, style: 'small', align: 'center' },
    { text: n.title, style: 'title', align: 'center', spaceBefore: 8 },
    { text: `收件编号：${c.receiptNo}　　办件编号：${c.caseId}`, style: 'small', align: 'center' },
    { text: `${c.applicant.name}：`, style: 'plain', spaceBefore: 14 },
  ];
  const p = (text: string) => out.push({ text, style: 'paragraph' });
  const item = (text: string) => out.push({ text, style: 'plain' });

  switch (n.kind) {
    case 'receipt': {
      p(`${filed}，本平台已于${cnDateTime(n.issuedAt)}收到。收到的申请材料如下：`);
      (b.materials as { code: string; name: string; sha256?: string; waived?: boolean }[] | undefined)?.forEach((m, i) =>
        item(`${i + 1}. ${m.name}（${m.waived ? '免于提交，由共享数据核验' : `电子文件，摘要 ${String(m.sha256 ?? '').slice(0, 16)}…`}）`),
      );
      p(`受理部门${str(b.acceptingDept?.name)}将于${cnDate(b.acceptBy)}前作出是否受理的决定；逾期未告知补正的，自收到申请材料之日起即为受理（《中华人民共和国行政许可法》第三十二条）。`);
      break;
    }
    case 'acceptance':
      p(`${filed}，申请材料齐全、符合法定形式，本机关决定予以受理。`);
      p(`受理日期：${cnDate(b.acceptedAt)}。承诺办理时限：${b.promiseDays === 0 ? '即办' : `${str(b.promiseDays)}个工作日`}，应于${cnDate(b.deadline)}前办结${b.deadlineProvisional ? '（该日期暂按周末推算，国务院公布节假日安排后重新计算）' : ''}。`);
      if (Array.isArray(b.handlingDepts) && b.handlingDepts.length > 1) {
        const names = (b.handlingDepts as string[]).map((d) => b.handlingDeptNames?.[d] ?? d);
        p(`本申请由${names.join('、')}${b.handlingDepts.length}个部门并联审查，办理结果统一反馈。`);
      }
      break;
    case 'correction': {
      p(`${filed}，经审查，申请材料不齐全或者不符合法定形式。依照《中华人民共和国行政许可法》第三十二条，现一次性告知需补齐补正的全部材料：`);
      (b.missing as { code: string; name?: string }[] | undefined)?.forEach((m, i) => item(`${i + 1}. ${m.name ?? m.code}`));
      if (b.reason) p(`说明：${b.reason}`);
      p(`请于${cnDate(b.answerBy)}前通过陕西政务服务网或者窗口补正。逾期未补正的，本申请予以退件。补正材料齐全后，本机关依法予以受理。`);
      break;
    }
    case 'rejection':
      p(`${filed}，经审查，本机关决定不予受理。`);
      p(`理由：${str(b.reason)}`);
      // the rights as the notice states them [N14]; a notice issued before they were part of it, as then printed
      p(str(b.rights ?? APPEAL_RIGHTS));
      break;
    case 'return':
      p(`${filed}，本申请予以退件，办理终止。`);
      p(`理由：${str(b.reason)}`);
      p('申请材料的电子文件不作他用。你（单位）可以在符合条件后重新提出申请。');
      break;
    case 'withdrawal':
      p(`${filed}，你（单位）已于${cnDateTime(n.issuedAt)}撤回申请，本件办理终止。`);
      break;
    case 'extension':
      p(`${filed}，因${str(b.reason)}，不能在承诺时限内办结。经本机关负责人批准，办理期限延长${str(b.days)}个工作日，延长后应于${cnDate(b.deadline)}前办结（《中华人民共和国行政许可法》第四十二条）。`);
      p(`批准人：${str(b.approvedBy)}`);
      break;
    case 'special_procedure':
      p(`${filed}，依法需要进行${SPECIAL[b.procedure] ?? str(b.procedure)}（${str(b.reason)}）。所需时间不计算在办理期限内（《中华人民共和国行政许可法》第四十五条），办理期限自该程序结束之日起继续计算。`);
      break;
    case 'decision': {
      const approved = b.outcome === 'approved';
      p(`${filed}，经审查，本机关决定：${approved ? '准予许可（办理）' : '不予许可（办理）'}。`);
      (b.opinions as { dept: string; deptName?: string; decision: string; opinion?: string; reason?: string }[] | undefined)?.forEach((o) =>
        item(`· ${o.deptName ?? o.dept}：${o.decision === 'approve' ? '同意' : '不同意'}${o.opinion || o.reason ? `，${o.opinion ?? o.reason}` : ''}`),
      );
      if (b.licenceId) p(`电子证照编号：${b.licenceId}。电子证照与纸质证照具有同等法律效力，可在陕西政务服务网核验。`);
      if (!approved) p(str(b.rights ?? APPEAL_RIGHTS));
      break;
    }
    case 'delivery':
      p(`送达文书：${str(b.documentTitle)}（文书编号 ${str(b.documentId)}）。`);
      p(`送达方式：${b.method === 'electronic' ? '电子送达，送达至受送达人的陕西政务服务网账户' : str(b.method)}。送达时间：${cnDateTime(n.issuedAt)}。`);
      p(`受送达人：${c.applicant.name}。文书进入受送达人账户之日为送达之日。`);
      break;
  }

  out.push({ text: issuer.deptName, style: 'plain', align: 'right', spaceBefore: 28 });
  out.push({ text: cnDate(n.issuedAt), style: 'plain', align: 'right' });
  out.push({ text: '本文书由陕西政务服务网出具，可凭文书编号和内容摘要在平台核验。', style: 'small', spaceBefore: 20 });
  return out;
}
