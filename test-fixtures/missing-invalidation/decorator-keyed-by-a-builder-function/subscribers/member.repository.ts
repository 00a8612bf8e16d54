// Members live in MongoDB; the repository wraps the model.
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

interface Member {
  _id: string;
  tenantId: string;
  memberId: string;
  isOnline: boolean;
  email?: string;
}

@Injectable()
export class MemberRepository {
  constructor(@InjectModel('Member') private readonly member: Model<Member>) {}

  async findByMemberId(tenantId: string, memberId: string) {
    return this.member.findOne({ tenantId, memberId }).lean();
  }

  async update(filter: Partial<Member>, changes: Partial<Member>) {
    return this.member.updateOne(filter, { $set: changes });
  }

  async delete(filter: Partial<Member>) {
    return this.member.deleteOne(filter);
  }
}
