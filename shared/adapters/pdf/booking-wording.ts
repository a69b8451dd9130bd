import { CHECK_IN_EARLY_MINUTES, maskIdNumber, type Booking } from '../../domain/booking.ts';
import { hhmmOf, minutesOf, type Hall } from '../../domain/hall.ts';
import type { Matter } from '../../domain/matter.ts';
import { cnDate, cnDateTime, type Block } from './wording.ts';

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026年12月3日（星期四） */
const cnDay = (date: string) => `${cnDate(date)}（星期${WEEKDAY[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`;

/**
 * What a booking notice (预约回执) says [H20]: who booked what, where and when, the check-in code the
 * hall's desk or kiosk asks for and when it may be used, what to bring (the guide's materials [N11],
 * those the shared store supplies marked so), and how to cancel. Built from the booking as made, the
 * hall and the matter's guide only, so the same booking prints the same document.
 */
export function bookingParagraphs(b: Booking, hall: Hall, matter: Matter | undefined): Block[] {
  const window = hall.windows.find((w) => w.windowId === b.windowId);
  const opens = hhmmOf(Math.max(0, minutesOf(b.start) - CHECK_IN_EARLY_MINUTES));
  const materials = (matter?.materials ?? []).filter((m) => m.required);
  const out: Block[] = [
    { text: hall.name, style: 'small', align: 'center' },
    { text: '网上预约回执', style: 'title', align: 'center', spaceBefore: 8 },
    { text: `预约编号：${b.bookingId}`, style: 'small', align: 'center' },
    { text: `预约人：${b.booker.name}${b.booker.idNumber ? `（证件号码 ${maskIdNumber(b.booker.idNumber)}）` : ''}`, style: 'plain', spaceBefore: 14 },
    { text: `办理事项：${b.matterName}（${b.matterCode}）`, style: 'plain' },
    { text: `办理地点：${hall.name}　${hall.address}`, style: 'plain' },
    { text: `办理窗口：${window ? `${window.name}（${window.windowId}）` : b.windowId}`, style: 'plain' },
    { text: `预约时段：${cnDay(b.date)} ${b.start}—${b.end}`, style: 'plain' },
    { text: `签到码：${b.checkInCode}`, style: 'title', align: 'center', spaceBefore: 10 },
    { text: `请于${cnDate(b.date)} ${opens}至${b.end}之间，凭签到码在大厅咨询台或自助终端签到，签到后按窗口叫号顺序办理。预约时段结束仍未签到的，按爽约处理。`, style: 'paragraph', spaceBefore: 6 },
  ];
  if (materials.length) {
    out.push({ text: '请携带下列申请材料（已通过网上提交的，请携带原件备核）：', style: 'paragraph' });
    materials.forEach((m, i) => out.push({ text: `${i + 1}. ${m.name}${m.waivable ? '（可由共享数据核验，免于提交）' : ''}`, style: 'plain' }));
  }
  out.push(
    { text: '如不能按时前来，请在预约时段开始前通过陕西政务服务网取消预约，名额将释放给其他申请人。', style: 'paragraph' },
    { text: `${hall.name}　${cnDateTime(b.bookedAt)}预约`, style: 'small', align: 'right', spaceBefore: 14 },
  );
  return out;
}
