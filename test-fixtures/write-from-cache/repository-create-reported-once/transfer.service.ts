// The transfer records the owner from a merchant cached for an hour: a transfer right after an
// owner change records the old owner. One finding, though the call is a write twice over (a
// repository's create, and a project method that inserts what it is given).
import { MerchantRepository } from './merchant.repository';
import { TransferRepository } from './transfer.repository';

export class TransferService {
  constructor(
    private readonly merchantRepository: MerchantRepository,
    private readonly transferRepository: TransferRepository,
  ) {}

  async initiate(merchantId: string, toWallet: string) {
    const m = await this.merchantRepository.findById(merchantId);
    await this.transferRepository.create({ merchantId, fromWallet: m.ownerWallet, toWallet }); // expect: write-from-cache
  }
}
