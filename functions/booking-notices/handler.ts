import { authorisationStore } from '#shared/adapters/dynamodb/authorisations';
import { bookingStore } from '#shared/adapters/dynamodb/bookings';
import { catalogReader } from '#shared/adapters/dynamodb/catalog';
import { hallStore } from '#shared/adapters/dynamodb/halls';
import { staffRegister } from '#shared/adapters/dynamodb/staff-register';
import { pdfRenderer } from '#shared/adapters/pdf/render';
import { systemClock } from '#shared/adapters/system';
import { bookingNotice } from '#shared/domain/steps/bookings';
import { apiHandler } from '#shared/http/handler';

const ports = { bookings: bookingStore, halls: hallStore, catalog: catalogReader, staff: staffRegister, authorisations: authorisationStore, clock: systemClock, renderer: pdfRenderer };

/**
 * The booking notice (网上预约回执) as a PDF [H20]: a function of its own, so the typeface and the PDF
 * library load here and not in the halls function every booking goes through.
 */
export const handler = apiHandler('booking-notices', {
  'GET /v1/bookings/{bookingId}/notice': async ({ caller, path }) => {
    const { booking, document } = await bookingNotice(ports, caller, path.bookingId);
    return {
      headers: { 'content-disposition': `inline; filename="${booking.bookingId}.pdf"`, etag: `"${document.sha256}"`, 'cache-control': 'private, no-store' },
      bytes: { data: document.bytes, contentType: 'application/pdf' },
    };
  },
});
