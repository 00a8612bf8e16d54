import { IsString, Length } from 'class-validator';

export class ProfileRow {
  @IsString()
  id!: string;

  @IsString()
  @Length(1, 80)
  displayName!: string;

  updatedAt!: Date;
}

export interface ProfileView {
  id: string;
  displayName: string;
  updatedAt: string;
}
