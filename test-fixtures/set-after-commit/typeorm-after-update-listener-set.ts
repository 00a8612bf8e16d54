// A TypeORM entity listener re-caches the profile after every update of the row.
import Redis from 'ioredis';
import { AfterUpdate, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const redis = new Redis();

@Entity()
export class Profile {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() bio!: string;

  @AfterUpdate()
  async recache() {
    await redis.set(`profile:${this.id}`, JSON.stringify(this), 'EX', 600); // expect: set-after-commit
  }
}
